import Foundation

/// The one source of time every service uses: a wall clock that can also sleep. The real one
/// for the daemon, a manual one in tests, an accelerated one for drills.
public protocol TimeSource: Sendable {
    /// The current wall-clock time.
    var now: Date { get }
    /// Suspends until `deadline` by this source's clock (or until the task is cancelled).
    func sleep(until deadline: Date) async throws
}

/// The system clock.
public struct SystemTimeSource: TimeSource {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { return }
        try await Task.sleep(for: .seconds(seconds))
    }
}

/// A clock that runs `speed` times faster than real time from the moment it was made: a drill
/// in the console with `--speed 60` lives an hour a minute.
public struct AcceleratedTimeSource: TimeSource {
    public let speed: Double
    private let realStart: Date
    private let virtualStart: Date

    public init(speed: Double, start: Date = Date()) {
        self.speed = max(speed, 0.001)
        self.realStart = start
        self.virtualStart = start
    }

    public var now: Date {
        virtualStart.addingTimeInterval(Date().timeIntervalSince(realStart) * speed)
    }

    public func sleep(until deadline: Date) async throws {
        let virtualSeconds = deadline.timeIntervalSince(now)
        guard virtualSeconds > 0 else { return }
        try await Task.sleep(for: .seconds(virtualSeconds / speed))
    }
}
