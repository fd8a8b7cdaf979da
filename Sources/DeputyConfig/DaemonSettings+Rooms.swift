import Foundation

extension DaemonSettings {
    /// Incident rooms: a channel (or Discord thread) per incident with a status card kept up to
    /// date. Off by default, so Deputy runs each incident in the channel it was declared in, as before.
    public struct Rooms: Sendable, Equatable {
        /// Whether each incident gets a room of its own.
        public var enabled = false
        /// The room's name pattern: `{number}` (required, it makes names unique), `{slug}`, `{severity}`.
        public var name = "inc-{number}-{slug}"
        /// Private rooms (Slack groups:write, Mattermost type P, Discord private threads).
        public var isPrivate = false
        /// The announcements channel per platform (`slack` → `C0ANNOUNCE`); empty when none.
        public var announce: [String: String] = [:]
        /// At most one status-card edit per card per this many seconds.
        public var cardInterval: TimeInterval = 10
        /// Archive a room this long after its postmortem is done; nil (off) by default.
        public var archiveAfter: TimeInterval?
        /// What to tell the operator about rooms that does not stop Deputy (rooms on, but no
        /// platform that has them; Teams, which has none), found when the settings are loaded.
        public var warnings: [ConfigError.Problem] = []

        /// The defaults: rooms off.
        public init() {}

        /// The platforms that have rooms, in the order Deputy names them.
        public static let platforms = ["slack", "mattermost", "discord"]
        /// The placeholders a name pattern may hold; `{number}` is required.
        public static let placeholders = ["{number}", "{slug}", "{severity}"]
        /// The shortest and longest `cardInterval`: a second, ten minutes.
        public static let cardIntervalRange: ClosedRange<TimeInterval> = 1...600
        /// The shortest `archiveAfter`: a minute.
        public static let shortestArchiveAfter: TimeInterval = 60

        /// The Slack bot scopes rooms need: create, join, pin in and post to public channels, and
        /// `groups:write` for private ones.
        public var slackScopes: [String] {
            ["channels:manage", "channels:join", "pins:write", "chat:write"] + (isPrivate ? ["groups:write"] : [])
        }
    }

    /// The platforms switched on where rooms work, in `Rooms.platforms` order: Slack, Mattermost
    /// posting through its REST API (a bot token; an incoming webhook cannot create channels),
    /// Discord.
    public var roomPlatforms: [String] {
        var platforms: [String] = []
        if slackEnabled { platforms.append("slack") }
        if mattermostEnabled, mattermostUsesAPI { platforms.append("mattermost") }
        if discordEnabled { platforms.append("discord") }
        return platforms
    }

    /// `seconds` as the settings file writes a duration: `10s`, `5m`, `1h30m`, `2d`.
    static func written(_ seconds: TimeInterval) -> String {
        var rest = Int(seconds.rounded())
        var parts = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            parts += "\(rest / size)\(unit)"
            rest %= size
        }
        return parts.isEmpty ? "0s" : parts
    }
}
