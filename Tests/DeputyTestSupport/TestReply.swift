/// What the test server does with a request.
public enum TestReply: Sendable {
    /// Answer with a `Content-Length`-framed response and keep the connection open.
    case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
    /// Answer nothing and hold the connection until the client hangs up.
    case hold
    /// Answer 200 with a body that only the end of the connection frames, then close.
    case unframed(body: [UInt8])
    /// Send `bytes` (a response cut short, say), then reset the connection: a close with
    /// `SO_LINGER` 0, so the client reads a TCP reset rather than the end of the stream.
    case reset(after: [UInt8])
}
