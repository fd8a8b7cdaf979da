/// Why a request got no response: a libcurl failure, a refused request, a response over the
/// size cap, or a client that was shut down.
public struct CurlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The libcurl `CURLcode`, or 0 when libcurl was not involved (`.invalidRequest` found before
    /// sending, `.shutdown`).
    public var code: Int
    /// What went wrong, in libcurl's words when it was libcurl that failed.
    public var message: String
    /// The kind of failure, which tells a caller whether retrying can help.
    public var kind: Kind

    /// An error of the given kind.
    public init(code: Int, message: String, kind: Kind) {
        self.code = code
        self.message = message
        self.kind = kind
    }

    /// The error as one line for logs: kind, code and message.
    public var description: String {
        "CurlError.\(kind) (code \(code)): \(message)"
    }
}
