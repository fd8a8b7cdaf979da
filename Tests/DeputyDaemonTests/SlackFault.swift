import DeputyTestSupport

/// One way the faulty Slack fails a call, as `FaultySlackAPI` plays it on the wire.
enum SlackFault: Sendable {
    /// An HTTP status with a JSON body, and `Retry-After` when given.
    case status(Int, retryAfter: String? = nil)
    /// HTTP 200 with `{"ok":false,"error":<error>}`, and `Retry-After` when given: the Web API's
    /// own way to fail.
    case slackError(String, retryAfter: String? = nil)
    /// No answer: the connection is held until the client gives up.
    case stall
    /// The head of a 200 and part of its body, then a TCP reset.
    case resetMidBody

    /// Slack's answer to a call that worked.
    static let okReply = TestReply.respond(
        status: 200, headers: [("Content-Type", "application/json")], body: Array(#"{"ok":true}"#.utf8))

    /// What the server does for this fault.
    var reply: TestReply {
        switch self {
        case .status(let status, let retryAfter):
            return Self.json(status: status, #"{"ok":false,"error":"http_\#(status)"}"#, retryAfter: retryAfter)
        case .slackError(let error, let retryAfter):
            return Self.json(status: 200, #"{"ok":false,"error":"\#(error)"}"#, retryAfter: retryAfter)
        case .stall:
            return .hold
        case .resetMidBody:
            let body = #"{"ok":true,"channel":"C1","ts":"1790000000.000100"}"#
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            return .reset(after: Array((head + body.prefix(12)).utf8))
        }
    }

    private static func json(status: Int, _ body: String, retryAfter: String?) -> TestReply {
        var headers = [("Content-Type", "application/json")]
        if let retryAfter { headers.append(("Retry-After", retryAfter)) }
        return .respond(status: status, headers: headers, body: Array(body.utf8))
    }
}
