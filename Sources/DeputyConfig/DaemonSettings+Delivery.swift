import DeputyCore

extension DaemonSettings {
    /// How the outbox delivers messages and how long it keeps what it has done.
    public struct Delivery: Sendable, Hashable {
        /// A message still undelivered this long after it was queued becomes a dead letter.
        public var expiry = Span.hours(1)
        /// How long delivered messages are kept (to see what was sent) before they are deleted.
        public var deliveredRetention = Span.hours(24 * 7)
        /// How long the ids of requests already handled are kept, so a platform's retry of the
        /// same request is answered once.
        public var seenRetention = Span.hours(24)
        /// The least time between two messages to the same Slack channel (Slack allows about
        /// one message a second per channel).
        public var slackPacing = Span.seconds(1)

        /// The defaults: an hour to deliver, a week of delivered messages, a day of request ids,
        /// a second between messages.
        public init() {}
    }
}
