import DeputyStore
import Foundation

/// Runs the store's blocking SQLite work on one serial queue of its own, so an fsync never
/// holds a thread of Swift's cooperative pool.
public struct StoreExecutor: Sendable {
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
}
