extension DaemonSettings {
    /// Discord's settings. It is on when the application's public key (which verifies every
    /// interaction) and the bot's token (which posts Deputy's messages) are both set.
    public struct Discord: Sendable, Equatable {
        /// The default address of Discord's API.
        public static let defaultAPIURL = "https://discord.com/api/v10"

        /// The application's public key, 64 hex digits (`DISCORD_PUBLIC_KEY` or
        /// `discord.public_key`). It is public: it only verifies.
        public var publicKey: String?
        /// The bot's token (`DISCORD_BOT_TOKEN` or its `_FILE` form).
        public var botToken: Secret?
        /// The application's id, which `deputy discord-register` registers `/ic` for
        /// (`DISCORD_APPLICATION_ID` or `discord.application_id`).
        public var applicationID: String?
        /// Discord's API, without a trailing slash (`DISCORD_API_URL` or `discord.api_url`).
        public var apiURL = Discord.defaultAPIURL

        /// The defaults: nothing set, Discord off.
        public init() {}
    }

    /// Whether Discord is switched on: its public key and its bot token are set.
    public var discordEnabled: Bool {
        discord.publicKey != nil && discord.botToken != nil
    }
}
