import DeputyDaemon
import Foundation
import Synchronization

/// A clock that moves only when a test moves it. Sleepers wake when the clock passes their
/// deadline; nothing ever waits for real time.
public final class ManualTimeSource: TimeSource {
    private struct State {
        var now: Date
        var sleepers: [(deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = []
    }

    private let state: Mutex<State>

    public init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        state = Mutex(State(now: start))
    }

    public var now: Date { state.withLock { $0.now } }

    /// How many tasks are asleep on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Date) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let wakeNow = state.withLock { state -> Bool in
                if deadline <= state.now { return true }
                state.sleepers.append((deadline, continuation))
                return false
            }
            if wakeNow { continuation.resume() }
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has come.
    public func advance(by interval: TimeInterval) {
        set(now.addingTimeInterval(interval))
    }

    /// Sets the clock and wakes every sleeper whose deadline has come.
    public func set(_ date: Date) {
        let woken = state.withLock { state in
            state.now = date
            let due = state.sleepers.filter { $0.deadline <= date }
            state.sleepers.removeAll { $0.deadline <= date }
            return due.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }
}
