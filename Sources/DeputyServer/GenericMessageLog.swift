import DeputyChat

/// The unprompted messages kept for the generic webhook's channels; the daemon implements it
/// over the outbox.
public protocol GenericMessageLog: Sendable {
    /// The messages for `channel` with an id above `after`, oldest first, at most `limit`.
    func messages(channel: String, after: Int64, limit: Int) async throws -> [GenericMessage]
}
