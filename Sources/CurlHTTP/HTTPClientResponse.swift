/// The response to an `HTTPClientRequest`: any status, not only a success.
public struct HTTPClientResponse: Sendable, Hashable {
    /// The status code, such as 200 or 429.
    public var status: Int
    /// Header fields by lowercased name; a repeated field's values are joined with ", ".
    public var headers: [String: String]
    /// The response body.
    public var body: [UInt8]

    /// A response with the given status, headers (names are lowercased) and body.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, second in
            "\(first), \(second)"
        }
        self.body = body
    }

    /// The value of the header field `name`, in any case: `response.header("Retry-After")`.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
