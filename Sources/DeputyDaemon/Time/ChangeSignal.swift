import Foundation
import Synchronization

/// Wakes one waiter when something changed (a command moved a deadline, a message was queued).
/// A signal sent while no one waits is remembered, so a waiter never misses it.
final class ChangeSignal: Sendable {
    private struct State {
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
        var pending = false
        var lastID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Wakes the waiter, or the next one to wait.
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns when signalled or when the calling task is cancelled.
    func wait() async {
        let id = state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Checked under the lock: a cancellation whose handler already looked (and found
                // no waiter to wake) has set the flag by then, so no continuation is left behind.
                let now = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiter = (id, continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let waiter = state.waiter, waiter.id == id else { return nil }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume()
        }
    }

    /// Returns when signalled, when `deadline` (if any) comes on `time`, or when the calling task
    /// is cancelled: how every loop of the daemon sleeps.
    func wait(until deadline: Date?, on time: any TimeSource) async {
        await withTaskGroup(of: Void.self) { group in
            if let deadline { group.addTask { try? await time.sleep(until: deadline) } }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
