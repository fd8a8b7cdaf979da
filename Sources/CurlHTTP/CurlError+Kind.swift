extension CurlError {
    /// The kinds of failure a caller treats differently.
    public enum Kind: Sendable, Hashable {
        /// Connecting or the whole exchange took longer than the request allowed.
        case timeout
        /// No connection: the name did not resolve, the peer refused or reset, or it sent nothing.
        case connection
        /// The TLS handshake or the certificate check failed.
        case tls
        /// The response was larger than the client's `maximumResponseSize`.
        case responseTooLarge
        /// The request cannot be sent as given: a malformed URL, a scheme other than http(s),
        /// or a header or method with a line break in it. Retrying will not help.
        case invalidRequest
        /// The client was shut down before the response arrived, or before the request was sent.
        case shutdown
        /// Any other libcurl failure.
        case other
    }
}
