import DeputyCore

/// One call to a platform's API about an incident room: what the room flow asks for, before any
/// platform's wire shape. A `RoomAPI` turns it into requests and reads the answers.
public enum RoomCall: Hashable, Sendable {
    /// Create the room. `origin` is the channel the incident was declared in: Mattermost needs
    /// its team id (`origin.team`), Discord makes a thread in `origin.channel`. `isPrivate`:
    /// Slack is_private / Mattermost type "P" / Discord type 12 (else 11 public thread).
    case createRoom(name: String, displayName: String, isPrivate: Bool, origin: ChannelKey)
    /// Add people (platform user ids) to the room (Slack: one conversations.invite with
    /// comma-joined users; Mattermost: POST /api/v4/channels/{id}/members {"user_ids":[...]};
    /// Discord: one PUT /channels/{thread}/thread-members/{user} per user — so
    /// `requests(for:)` returns an ARRAY of requests).
    case invite(users: [String], room: String)
    /// Post a message with `text` (already rendered for the platform) in `channel`; the answer
    /// carries the message's id (Slack ts, Mattermost post id, Discord message id).
    case post(text: String, channel: String)
    /// Replace message `message`'s text in `channel` (Slack chat.update; Mattermost PUT
    /// /api/v4/posts/{id}/patch {"message":…}; Discord PATCH /channels/{channel}/messages/{id}
    /// {"content":…}).
    case edit(text: String, channel: String, message: String)
    /// Pin message `message` in `channel` (Slack pins.add channel+timestamp; Mattermost POST
    /// /api/v4/posts/{id}/pin; Discord PUT /channels/{channel}/messages/pins/{id}).
    case pin(channel: String, message: String)
    /// Archive the room (Slack conversations.archive; Mattermost DELETE /api/v4/channels/{id};
    /// Discord PATCH /channels/{thread} {"archived":true}).
    case archive(room: String)
    /// Whether message `message` in `channel` is still there: asked only after an edit was
    /// refused, where the refusal cannot tell a deleted message from a forbidden edit (current
    /// Mattermost answers 403 for both; Mattermost GET /api/v4/posts/{id}). A platform whose edit
    /// says so itself (Slack, Discord) needs no request, and the answer is done.
    case lookUp(channel: String, message: String)
}
