/// Sends one HTTP request and returns the whole response: the port the delivery service talks to.
///
/// `CurlHTTPClient` is the real implementation; tests pass a fake.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status. Throws when no response
    /// arrived (`CurlError`) or the calling task was cancelled (`CancellationError`).
    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse
}
