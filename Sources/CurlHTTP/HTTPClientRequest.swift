/// An outbound HTTP request, with the timeouts that bound it.
public struct HTTPClientRequest: Sendable {
    /// The method, such as `GET` or `POST`.
    public var method: String
    /// The absolute `http` or `https` URL.
    public var url: String
    /// Header fields in the order they are sent; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The request body; empty for none.
    public var body: [UInt8]
    /// How long connecting (DNS, TCP and TLS) may take.
    public var connectTimeout: Duration
    /// How long the whole exchange may take, connecting included.
    public var totalTimeout: Duration

    /// A request; by default a `GET` with no headers and no body, 10 s to connect and 30 s in all.
    public init(
        method: String = "GET",
        url: String,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
    }
}
