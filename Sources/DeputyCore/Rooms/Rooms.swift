import Foundation

/// Incident rooms: each incident declared on a platform that can make them runs in a channel of
/// its own (a thread on Discord), with its status card pinned there. The settings come from the
/// daemon (`rooms:` in Config/deputy.yaml); with no platform listed, incidents run in the channel
/// they were declared in, as they always did.
public struct Rooms: Hashable, Sendable {
    /// The platforms whose incidents get a room (`slack`, `mattermost`, `discord`): those with an
    /// API Deputy can make channels through.
    public var platforms: Set<String>
    /// The room's name: `{number}`, `{slug}` and `{severity}` filled in (`RoomName.make`).
    public var namePattern: String
    /// Whether rooms are private channels (private threads on Discord).
    public var isPrivate: Bool
    /// The announcements channel per platform: one line at each turn of every incident there.
    public var announce: [String: String]
    /// How long after its postmortem is done a room is archived; nil: never.
    public var archiveAfter: Span?

    public init(
        platforms: Set<String> = [], namePattern: String = "inc-{number}-{slug}", isPrivate: Bool = false,
        announce: [String: String] = [:], archiveAfter: Span? = nil
    ) {
        self.platforms = platforms
        self.namePattern = namePattern
        self.isPrivate = isPrivate
        self.announce = announce
        self.archiveAfter = archiveAfter
    }

    /// The longest name each platform takes for a channel or thread.
    public static let nameLimits = ["slack": 80, "mattermost": 64, "discord": 100]

    /// Whether an incident declared in `channel` gets a room.
    public func apply(to channel: ChannelKey) -> Bool { platforms.contains(channel.platform) }

    /// The room name for incident `id` titled `title` on `platform`.
    public func name(for id: IncidentID, title: String, severity: Severity, platform: String) -> String {
        RoomName.make(
            pattern: namePattern, number: id.number, title: title, severity: severity.description,
            limit: Self.nameLimits[platform] ?? 80)
    }

    /// The announcements channel for an incident in `channel`, if one is set for its platform.
    public func announcements(for channel: ChannelKey) -> ChannelKey? {
        announce[channel.platform].map { ChannelKey(platform: channel.platform, team: channel.team, channel: $0) }
    }
}
