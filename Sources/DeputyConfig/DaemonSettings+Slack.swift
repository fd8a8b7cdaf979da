extension DaemonSettings {
    /// Slack's settings. Slack is on when both secrets are set; the secrets come only from the
    /// environment (`SLACK_SIGNING_SECRET`, `SLACK_BOT_TOKEN` or their `_FILE` forms).
    public struct Slack: Sendable, Equatable {
        /// The app's signing secret, which verifies that a request really comes from Slack.
        public var signingSecret: Secret?
        /// The bot token (`xoxb-…`) Deputy posts messages with.
        public var botToken: Secret?
        /// Slack's Web API, without a trailing slash; a fake server's address in tests.
        public var apiURL = "https://slack.com/api"
        /// A channel id (`C0123456789`) where every `/ic update` is posted as well as in the
        /// incident's channel; nil for none.
        public var stakeholderChannel: String?

        /// The defaults: no secrets, Slack's public API, no stakeholder channel.
        public init() {}
    }
}
