import Foundation

/// How one platform shows what the phrasebook cannot know: mentions, escaping, the time zone.
public struct RenderStyle: Sendable {
    /// A user as the platform mentions them (`<@U123>`, `@hayley`).
    public var mention: @Sendable (User) -> String
    /// Text a person typed, made safe to echo (no `@channel`, no markup surprises).
    public var escape: @Sendable (String) -> String
    /// The zone local times are shown in.
    public var timeZone: TimeZone
    /// A channel as the platform links it, from its id and name (`<#C123>`); `#name` by default.
    public var channel: @Sendable (_ id: String, _ name: String) -> String

    public init(
        mention: @escaping @Sendable (User) -> String,
        escape: @escaping @Sendable (String) -> String = { $0 },
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
        channel: @escaping @Sendable (_ id: String, _ name: String) -> String = { "#\($1)" }
    ) {
        self.mention = mention
        self.escape = escape
        self.timeZone = timeZone
        self.channel = channel
    }

    /// Plain text with `@name` mentions: the console's style.
    public static let plain = RenderStyle(mention: { "@\($0.name)" })
}
