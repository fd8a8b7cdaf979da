/// Wakes one waiter when something changed (a command moved a deadline). A signal sent while
/// no one waits is remembered, so a waiter never misses it.
actor ChangeSignal {
    private var waiter: CheckedContinuation<Void, Never>?
    private var pending = false

    /// Wakes the waiter, or the next one to wait.
    func signal() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            pending = true
        }
    }

    /// Returns when signalled or when the calling task is cancelled.
    func wait() async {
        if pending {
            pending = false
            return
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume()
                } else {
                    waiter = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter() }
        }
    }

    private func cancelWaiter() {
        waiter?.resume()
        waiter = nil
    }
}
