import DeputyStore
import Foundation
import Logging
import ServiceLifecycle

/// Keeps the store's write-ahead log short from the side: a checkpoint every `interval` on a
/// connection and a thread of its own, so no command's commit ever waits for one (SQLite's own
/// checkpoint runs inside the commit that crosses its threshold: a stall of hundreds of
/// milliseconds for every command behind it, measured under the Slack benchmark).
///
/// I/O housekeeping, not incident time: it sleeps on the real clock.
public struct Checkpointer: Service {
    let store: DeputyStore
    let interval: Duration
    let logger: Logger
    private let queue = DispatchQueue(label: "deputy.checkpoint")

    public init(store: DeputyStore, interval: Duration = .seconds(1), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await checkpoint()
            }
        }
    }

    /// One checkpoint, now, off the cooperative pool and off the writer's queue.
    func checkpoint() async {
        let store = self.store
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { try store.checkpoint() }) }
        }
        if case .failure(let error) = result {
            logger.warning("checkpoint failed", metadata: ["error": "\(error)"])
        }
    }
}
