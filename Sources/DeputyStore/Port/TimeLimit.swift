/// A bound in real time on a store call that may never answer (a database that is away): the
/// call's result, or `Exceeded` once the limit has passed, the call then cancelled. For reads and
/// probes only: a write given up on might still land.
public enum TimeLimit {
    /// The call did not answer within its limit.
    public struct Exceeded: Error, CustomStringConvertible {
        public var description: String { "the store did not answer in time" }
    }

    /// `body`'s result, or `Exceeded` once `limit` of real time has passed.
    public static func run<T: Sendable>(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded() }
            return value
        }
    }
}
