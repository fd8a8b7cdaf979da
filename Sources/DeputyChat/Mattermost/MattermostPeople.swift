import Synchronization

/// The Mattermost ids of people Deputy has heard from, by username: the core knows people by
/// username (that is how Mattermost mentions them), but an ephemeral post is addressed by id.
/// Learnt from every command's caller; held in memory, so after a restart a private message for
/// someone who has not typed a command since goes to the channel, addressed to them by name.
public final class MattermostPeople: Sendable {
    private let ids = Mutex<[String: String]>([:])

    public init() {}

    /// Notes that `username` (in any capitals) is the person whose Mattermost id is `id`.
    public func learn(username: String, id: String) {
        ids.withLock { $0[username.lowercased()] = id }
    }

    /// The Mattermost id of `username` (in any capitals), if they have typed a command.
    public func id(of username: String) -> String? {
        ids.withLock { $0[username.lowercased()] }
    }
}
