extension DaemonSettings {
    /// Microsoft Teams' settings. It is on when the outgoing webhook's security token is set;
    /// unprompted messages (nudges) go through Workflows webhooks, one per channel or one default.
    /// Webhook addresses hold a `sig=` secret, so the settings file names only the environment
    /// variables that hold them.
    public struct Teams: Sendable, Equatable {
        /// The outgoing webhook's security token, base64 as Teams shows it
        /// (`TEAMS_SECURITY_TOKEN` or its `_FILE` form).
        public var securityToken: Secret?
        /// The Workflows webhook for every channel without its own (`TEAMS_WEBHOOK_URL` or `_FILE`).
        public var defaultWebhookURL: Secret?
        /// From the file (`teams.webhooks`): a Teams channel id (`19:…@thread.tacv2`) to the name of
        /// the environment variable holding that channel's Workflows webhook.
        public var webhookVariables: [String: String] = [:]
        /// The webhook of each channel in `webhookVariables`, read from its variable (or `_FILE`).
        public var channelWebhookURLs: [String: Secret] = [:]

        /// The defaults: nothing set, Teams off.
        public init() {}

        /// Where Deputy posts to `channel`: its own webhook, else the default; nil for none.
        public func webhookURL(for channel: String) -> Secret? {
            channelWebhookURLs[channel] ?? defaultWebhookURL
        }
    }

    /// Whether Teams is switched on: the outgoing webhook's security token is set.
    public var teamsEnabled: Bool {
        teams.securityToken != nil
    }
}
