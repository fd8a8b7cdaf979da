import DeputyCore
import Foundation

/// Mattermost's text rules: how Deputy mentions people and how it echoes what they typed.
public enum MattermostMarkup {
    /// The WORD JOINER (U+2060) put after the `@` of a group mention in echoed text.
    public static let wordJoiner = String(EchoedText.wordJoiner)
    /// The group words Mattermost turns into pings after an `@`.
    static let groupWords = ["channel", "here", "all"]

    /// A user as Mattermost mentions them: `@username`.
    public static func mention(_ user: User) -> String {
        "@\(user.name)"
    }

    /// Text a person typed, made safe for Deputy to echo: a bare `@all`, `@channel` or `@here`
    /// (any case) gets a WORD JOINER after its `@`, which shows nothing and breaks no line but
    /// is no longer the word Mattermost turns into a group ping; a canonical `<@id|name>` shows
    /// as `@name`. `@username` is left alone.
    public static func escape(_ text: String) -> String {
        EchoedText.escape(text, crowdWords: groupWords) { _, name in "@\(name)" }
    }
}

extension RenderStyle {
    /// Mattermost's way of showing things: `@username` mentions, echoed text escaped by
    /// `MattermostMarkup.escape`.
    public static func mattermost(timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> RenderStyle {
        RenderStyle(
            mention: MattermostMarkup.mention, escape: MattermostMarkup.escape, timeZone: timeZone,
            channel: { _, name in "~\(name)" })
    }
}
