/// A request as the test server read it off the wire.
public struct ReceivedRequest: Sendable {
    /// The method from the request line.
    public var method: String
    /// The request target, such as `/path?query`.
    public var target: String
    /// Header fields by lowercased name; a repeated field's values are joined with ", ".
    public var headers: [String: String]
    /// The body, as long as `Content-Length` said.
    public var body: [UInt8]
    /// When the server finished reading it, by the server's thread.
    public var arrivedAt: ContinuousClock.Instant
}
