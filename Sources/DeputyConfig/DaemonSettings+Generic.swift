extension DaemonSettings {
    /// The generic webhook's settings: JSON in, JSON out, for scripts and for trying Deputy with no
    /// chat platform. It is on with a token, or without one while Deputy listens on loopback only.
    public struct Generic: Sendable, Equatable {
        /// The bearer token every request must carry (`GENERIC_TOKEN` or `GENERIC_TOKEN_FILE`);
        /// nil to serve the webhook unauthenticated, which only a loopback host allows.
        public var token: Secret?
        /// Where unprompted messages are posted as JSON, if anywhere; they are kept for
        /// `GET /hooks/generic/messages` either way.
        public var outboundURL: String?

        /// The defaults: no token, no outbound address.
        public init() {}
    }

    /// Whether the generic webhook is served: with a token, or on a loopback host.
    public var genericEnabled: Bool {
        generic.token != nil || isLoopback
    }
}
