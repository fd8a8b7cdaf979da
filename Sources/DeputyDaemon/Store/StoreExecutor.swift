import DeputyStore
import Foundation
import ServiceLifecycle

/// Runs the store's blocking SQLite work on one serial queue of its own, so an fsync never
/// holds a thread of Swift's cooperative pool.
///
/// As a service it holds the store open while the daemon runs: it is the first service of the
/// group, so the last to stop, and on a graceful shutdown it closes the store once everything
/// else has stopped (and after any work already queued), letting go of the file's lock.
public struct StoreExecutor: Service {
    public let store: DeputyStore
    private let queue = DispatchQueue(label: "deputy.store")

    public init(store: DeputyStore) {
        self.store = store
    }

    /// Runs `body` on the store's queue and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable (DeputyStore) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(store) })
            }
        }
    }

    /// Waits for the graceful shutdown, then closes the store. When the group is cancelled
    /// instead, the other services may still be writing: the store stays open until the
    /// process ends.
    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        try await run { try $0.close() }
    }
}
