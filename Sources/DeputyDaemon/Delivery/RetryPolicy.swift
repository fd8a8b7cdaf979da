import Foundation

/// How long to wait before trying a message again: exponential backoff with jitter, unless the
/// platform said how long.
public struct RetryPolicy: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 1, cap: TimeInterval = 300) {
        self.base = base
        self.cap = cap
    }

    /// The wait before attempt `attempts + 1`; `jitter` in 0...1 spreads retries apart.
    public func delay(afterAttempts attempts: Int, platformSaid: TimeInterval?, jitter: Double) -> TimeInterval {
        if let platformSaid { return max(0, platformSaid) }
        let exponential = min(cap, base * pow(2, Double(max(0, attempts - 1))))
        return exponential * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }
}
