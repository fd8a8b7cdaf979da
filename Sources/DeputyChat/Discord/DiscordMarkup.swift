import DeputyCore
import Foundation

/// Discord's text rules: how mentions arrive and leave, and how Deputy echoes what people typed.
///
/// Whom a message may ping is decided by its `allowed_mentions`, which Deputy limits to the users
/// it means to ping; the escaping here is the second lock on the same door.
public enum DiscordMarkup {
    /// The WORD JOINER (U+2060) put after the `@` of `@everyone` and `@here` in echoed text.
    public static let wordJoiner = String(EchoedText.wordJoiner)
    /// The words Discord turns into a crowd's ping after an `@`.
    static let crowdWords = ["everyone", "here"]

    /// A user as Discord mentions them: `<@id>` for a Discord user id (a snowflake), otherwise
    /// `@name`, which shows the name and pings no one (a person typed as plain `@name`).
    public static func mention(_ user: User) -> String {
        isSnowflake(user.id) ? "<@\(user.id)>" : "@\(user.name)"
    }

    /// Whether `id` is a Discord id: a snowflake of 15 to 21 digits.
    public static func isSnowflake(_ id: String) -> Bool {
        (15...21).contains(id.utf8.count) && id.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Command text as the core reads it: the nickname form `<@!id>` becomes `<@id>`. Role
    /// mentions (`<@&id>`) stay, and the core refuses them as a group, never a person.
    public static func canonical(_ text: String) -> String {
        guard text.contains("<@!") else { return text }
        return text.replacingOccurrences(of: "<@!", with: "<@")
    }

    /// Text a person typed, made safe for Deputy to echo: `@everyone` and `@here` (any case) get
    /// a WORD JOINER after their `@`, which shows nothing but is no longer the word Discord pings
    /// a crowd for, and a canonical `<@id|name>` shows as Discord's `<@id>`.
    public static func escape(_ text: String) -> String {
        EchoedText.escape(text, crowdWords: crowdWords) { id, _ in "<@\(id)>" }
    }
}

extension RenderStyle {
    /// Discord's way of showing things: `<@id>` mentions, echoed text escaped by
    /// `DiscordMarkup.escape`.
    public static func discord(timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> RenderStyle {
        RenderStyle(
            mention: DiscordMarkup.mention, escape: DiscordMarkup.escape, timeZone: timeZone,
            channel: { id, _ in "<#\(id)>" })
    }
}
