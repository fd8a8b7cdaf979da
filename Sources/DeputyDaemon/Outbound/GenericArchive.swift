import DeputyChat
import DeputyServer
import DeputyStore

/// The generic webhook's channels' unprompted messages, read from the outbox and rendered as
/// they are listed.
struct GenericArchive: GenericMessageLog {
    let store: any IncidentStore
    let encoder: GenericEncoder

    func messages(channel: String, after: Int64, limit: Int) async throws -> [GenericMessage] {
        let rows = try await store.messages(
            platform: GenericCommand.platform, channel: channel, after: after, limit: limit)
        return rows.map { encoder.message(id: $0.id, $0.message) }
    }
}
