extension CurlHTTPClient {
    /// Settings that hold for every request a client sends.
    public struct Configuration: Sendable, Hashable {
        /// The largest response, headers and body together, in bytes; a larger one fails with
        /// `CurlError.Kind.responseTooLarge`.
        public var maximumResponseSize: Int
        /// The `User-Agent` sent when a request does not set one.
        public var userAgent: String

        /// Settings with a 1 MiB response cap and the user agent `Deputy`.
        public init(maximumResponseSize: Int = 1 << 20, userAgent: String = "Deputy") {
            self.maximumResponseSize = maximumResponseSize
            self.userAgent = userAgent
        }
    }
}
