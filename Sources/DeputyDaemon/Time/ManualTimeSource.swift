import Foundation
import Synchronization

/// A clock that moves only when a test moves it. Sleepers wake when the clock passes their
/// deadline, or with `CancellationError` when their task is cancelled (so a service group on
/// this clock can shut down); nothing ever waits for real time.
public final class ManualTimeSource: TimeSource {
    /// A task asleep until `deadline`, known by `id` so its cancellation finds it.
    private struct Sleeper {
        var id: UInt64
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var lastID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        state = Mutex(State(now: start))
    }

    public var now: Date { state.withLock { $0.now } }

    /// How many tasks are asleep on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Returns once the clock reaches `deadline`; throws `CancellationError` if the task is
    /// cancelled first, even before it went to sleep.
    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Checked under the lock: a cancellation whose handler already looked (and found
                // no sleeper to wake) has set the flag by then, so no continuation is left behind.
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let woken = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index).continuation
            }
            woken?.resume(throwing: CancellationError())
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
