/// What the test server does with a request.
enum TestReply: Sendable {
    /// Answer with a `Content-Length`-framed response and keep the connection open.
    case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
    /// Answer nothing and hold the connection until the client hangs up.
    case hold
    /// Answer 200 with a body that only the end of the connection frames, then close.
    case unframed(body: [UInt8])
}
