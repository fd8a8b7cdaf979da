import Synchronization

/// The queue from the tasks that send requests to the transfer thread, the one thread that
/// touches curl handles. Sending tasks submit and cancel; the thread takes.
final class TransferInbox: Sendable {
    private enum Phase {
        case open
        case closing
        case closed(CurlError)
    }

    private struct State {
        var phase = Phase.open
        var commands: [TransferCommand] = []
        var wakeup: MultiWakeup?
        var lastID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// An empty, open inbox.
    init() {}

    /// A new transfer id, never handed out before.
    func makeID() -> UInt64 {
        state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
    }

    /// Queues a request for the transfer thread, or fails `continuation` at once: with
    /// `CancellationError` if the calling task is already cancelled, or with why the inbox is closed.
    ///
    /// Checking cancellation under the lock orders this against `cancel(id:)`: a cancel is queued
    /// after its start, or the start never is.
    func submit(
        id: UInt64, request: HTTPClientRequest, continuation: CheckedContinuation<HTTPClientResponse, any Error>
    ) {
        let queued: Result<MultiWakeup?, any Error> = state.withLock { state in
            if Task.isCancelled { return .failure(CancellationError()) }
            switch state.phase {
            case .open:
                state.commands.append(.start(id: id, request: request, continuation: continuation))
                return .success(state.wakeup)
            case .closing:
                return .failure(CurlError.shutdown)
            case .closed(let error):
                return .failure(error)
            }
        }
        switch queued {
        case .success(let wakeup): wakeup?.ring()
        case .failure(let error): continuation.resume(throwing: error)
        }
    }

    /// Asks the transfer thread to abort transfer `id`.
    func cancel(id: UInt64) {
        let wakeup = state.withLock { state -> MultiWakeup? in
            guard case .open = state.phase else { return nil }
            state.commands.append(.cancel(id: id))
            return state.wakeup
        }
        wakeup?.ring()
    }

    /// Asks the transfer thread to fail every request with `CurlError.shutdown` and stop; every
    /// later request fails the same way.
    func close() {
        let wakeup = state.withLock { state -> MultiWakeup? in
            guard case .open = state.phase else { return nil }
            state.phase = .closing
            return state.wakeup
        }
        wakeup?.ring()
    }

    /// Called by the transfer thread once: later submissions ring `wakeup`.
    func attach(_ wakeup: MultiWakeup) {
        state.withLock { $0.wakeup = wakeup }
    }

    /// Called by the transfer thread: the queued commands, or nil once the inbox is closing.
    func take() -> [TransferCommand]? {
        state.withLock { state in
            guard case .open = state.phase else { return nil }
            defer { state.commands = [] }
            return state.commands
        }
    }

    /// Called by the transfer thread as it stops: every later request fails with `error`.
    /// Returns the commands still queued, for the thread to fail.
    func finish(_ error: CurlError) -> [TransferCommand] {
        state.withLock { state in
            state.phase = .closed(error)
            state.wakeup = nil
            defer { state.commands = [] }
            return state.commands
        }
    }
}
