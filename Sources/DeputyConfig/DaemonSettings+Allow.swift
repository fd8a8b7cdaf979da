import DeputyCore

extension DaemonSettings {
    /// Where commands may come from. Empty lists allow everywhere; otherwise a command from a
    /// workspace or channel not listed gets 403 and nothing is recorded.
    public struct Allow: Sendable, Hashable {
        /// Workspaces or teams: `T0123` (any platform) or `slack/T0123`.
        public var teams: [String] = []
        /// Channels: `C0456` (any platform and team), `slack/C0456` or `slack/T0123/C0456`.
        public var channels: [String] = []

        /// Everywhere.
        public init() {}

        /// Whether a command typed in `channel` is allowed: its team is listed (or no team is),
        /// and its channel is listed (or no channel is).
        public func permits(_ channel: ChannelKey) -> Bool {
            let team =
                teams.isEmpty || teams.contains { $0 == channel.team || $0 == "\(channel.platform)/\(channel.team)" }
            let place =
                channels.isEmpty
                || channels.contains {
                    $0 == channel.channel || $0 == "\(channel.platform)/\(channel.channel)"
                        || $0 == "\(channel.platform)/\(channel.team)/\(channel.channel)"
                }
            return team && place
        }
    }
}
