/// Where an incident lives: one active incident per (platform, team, channel).
public struct ChannelKey: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The chat platform (`slack`, `mattermost`, `console`, …).
    public var platform: String
    /// The workspace or team on that platform.
    public var team: String
    /// The channel id on that platform.
    public var channel: String

    public init(platform: String, team: String, channel: String) {
        self.platform = platform
        self.team = team
        self.channel = channel
    }

    public var description: String { "\(platform)/\(team)/\(channel)" }
}
