import DeputyCore

extension DaemonSettings {
    /// The signed links to the timeline page that `/ic timeline` hands out.
    public struct Links: Sendable, Equatable {
        /// How long a link stays valid after it is handed out.
        public var validFor = Span.hours(24 * 7)
        /// The key links are signed with (`DEPUTY_LINK_SECRET`); nil to use the one the store
        /// made at first start.
        public var secret: Secret?

        /// The defaults: links valid for 7 days, signed with the store's secret.
        public init() {}
    }
}
