/// What a sending task asks of the transfer thread.
enum TransferCommand: Sendable {
    /// Start sending `request`, and resume `continuation` with its outcome.
    case start(id: UInt64, request: HTTPClientRequest, continuation: CheckedContinuation<HTTPClientResponse, any Error>)
    /// Abort the transfer `id`, if it is still running, and resume it with `CancellationError`.
    case cancel(id: UInt64)
}
