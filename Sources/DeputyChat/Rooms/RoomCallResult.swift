import Foundation

/// What a platform's answer to a `RoomCall` means: the few outcomes the room flow acts on,
/// whatever shape the platform gave them.
public enum RoomCallResult: Hashable, Sendable {
    /// It worked. `id` is the created room's id (createRoom) or the posted message's id (post);
    /// `name` the room's name as the platform made it (createRoom); both nil for other calls.
    case done(id: String?, name: String?)
    /// createRoom only: the name is held by another channel (Slack name_taken; Mattermost 400
    /// with id "store.sql_channel.save_channel.exists.app_error").
    case nameTaken
    /// edit/pin only: the message is gone (Slack message_not_found; Mattermost 404; Discord
    /// 404 / code 10008 Unknown Message) — someone deleted the card.
    case messageGone
    /// Try again later: 429 (Retry-After header seconds, or Discord's JSON retry_after, or
    /// Mattermost X-Ratelimit-Reset), 408, 5xx, Slack "ratelimited"/"internal_error"/
    /// "fatal_error"/"service_unavailable"/"request_timeout". `after` is nil when the platform
    /// named no delay: back off.
    case retry(after: TimeInterval?, reason: String)
    /// Trying again cannot help: the reason, short and specific, never holding a token (e.g.
    /// "missing_scope (needs channels:manage)", "restricted_action", "HTTP 403").
    case failed(reason: String)
}
