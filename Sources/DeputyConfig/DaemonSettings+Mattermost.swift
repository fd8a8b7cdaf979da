extension DaemonSettings {
    /// Mattermost's settings. It is on when the slash command's token is set and Deputy has a way
    /// to post: the REST API (`MATTERMOST_URL` with `MATTERMOST_BOT_TOKEN`) or an incoming webhook
    /// (`MATTERMOST_WEBHOOK_URL`).
    public struct Mattermost: Sendable, Equatable {
        /// The slash command's token (`MATTERMOST_COMMAND_TOKEN` or its `_FILE` form).
        public var commandToken: Secret?
        /// The bot account's access token Deputy posts with (`MATTERMOST_BOT_TOKEN` or `_FILE`).
        public var botToken: Secret?
        /// The Mattermost server, without a trailing slash (`MATTERMOST_URL`).
        public var url: String?
        /// An incoming webhook, used when there is no bot token (`MATTERMOST_WEBHOOK_URL` or
        /// `_FILE`: its address is itself a secret).
        public var webhookURL: Secret?

        /// The defaults: nothing set, Mattermost off.
        public init() {}
    }

    /// Whether Deputy can post to Mattermost through its REST API.
    public var mattermostUsesAPI: Bool {
        mattermost.botToken != nil && mattermost.url != nil
    }

    /// Whether Mattermost is switched on: the command token, and a way to post.
    public var mattermostEnabled: Bool {
        mattermost.commandToken != nil && (mattermostUsesAPI || mattermost.webhookURL != nil)
    }
}
