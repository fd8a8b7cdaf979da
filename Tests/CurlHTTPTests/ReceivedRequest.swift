/// A request as the test server read it off the wire.
struct ReceivedRequest: Sendable {
    /// The method from the request line.
    var method: String
    /// The request target, such as `/path?query`.
    var target: String
    /// Header fields by lowercased name; a repeated field's values are joined with ", ".
    var headers: [String: String]
    /// The body, as long as `Content-Length` said.
    var body: [UInt8]
    /// When the server finished reading it, by the server's thread.
    var arrivedAt: ContinuousClock.Instant
}
