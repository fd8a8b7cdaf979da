import DeputyStore
import Foundation
import ServiceLifecycle

/// Holds the store open while the daemon runs: the first service of the group, so the last to
/// stop. On a graceful shutdown it closes the store once everything else has stopped (SQLite: after
/// any work already queued, letting go of the file's lock). When the group is cancelled instead,
/// the other services may still be writing: the store stays open until the process ends.
public struct StoreService: Service {
    public let store: any IncidentStore

    public init(store: any IncidentStore) {
        self.store = store
    }

    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        try await store.close()
    }
}
