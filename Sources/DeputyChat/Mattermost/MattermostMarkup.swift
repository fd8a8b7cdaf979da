import DeputyCore
import Foundation

/// Mattermost's text rules: how Deputy mentions people and how it echoes what they typed.
public enum MattermostMarkup {
    /// The WORD JOINER (U+2060) put after the `@` of a group mention in echoed text.
    public static let wordJoiner = "\u{2060}"
    /// The group words Mattermost turns into pings after an `@`.
    static let groupWords = ["channel", "here", "all"]

    /// A user as Mattermost mentions them: `@username`.
    public static func mention(_ user: User) -> String {
        "@\(user.name)"
    }

    /// Text a person typed, made safe for Deputy to echo: a bare `@all`, `@channel` or `@here`
    /// (any case) gets a WORD JOINER after its `@`, which shows nothing and breaks no line but
    /// is no longer the word Mattermost turns into a group ping. `@username` is left alone.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            out.append(character)
            if character == "@" {
                let following = text[text.index(after: index)...].prefix(7).lowercased()
                if groupWords.contains(where: { following.hasPrefix($0) }) { out += wordJoiner }
            }
            index = text.index(after: index)
        }
        return out
    }
}

extension RenderStyle {
    /// Mattermost's way of showing things: `@username` mentions, echoed text escaped by
    /// `MattermostMarkup.escape`.
    public static func mattermost(timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> RenderStyle {
        RenderStyle(mention: MattermostMarkup.mention, escape: MattermostMarkup.escape, timeZone: timeZone)
    }
}
