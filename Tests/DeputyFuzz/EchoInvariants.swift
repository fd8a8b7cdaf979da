import DeputyChat
import DeputyCore

/// What must hold whenever Deputy echoes text someone typed: no platform's escape leaves a crowd
/// ping (`@here`, `@channel`, …) or markup behind, and no splitter loses text or overruns its limit.
enum EchoInvariants {
    /// The crowd words each platform pings for after an `@`, and its escape.
    private static let escapes: [(platform: String, crowdWords: [String], escape: @Sendable (String) -> String)] = [
        ("slack", ["channel", "here", "everyone"], SlackMarkup.escape),
        ("discord", ["everyone", "here"], DiscordMarkup.escape),
        ("mattermost", ["all", "channel", "here"], MattermostMarkup.escape),
        ("teams", [], TeamsMarkup.escape),
        ("generic", ["channel", "everyone", "here", "all"], GenericEncoder.escape),
    ]

    /// The limits the splitters are tried at: one character, a short line, a Slack section.
    private static let limits = [1, 7, 64]

    /// Every way echoing `text` breaks a promise.
    static func violations(echoing text: String) -> [String] {
        var found: [String] = []
        for (platform, crowdWords, escape) in escapes {
            let escaped = escape(text)
            if let word = crowdPing(in: escaped, words: crowdWords) {
                found.append("\(platform) escape leaves @\(word) in \(escaped.debugDescription)")
            }
            // Slack and Teams read markup between angle brackets; their escapes leave none.
            if platform == "slack" || platform == "teams", escaped.contains(where: { $0 == "<" || $0 == ">" }) {
                found.append("\(platform) escape leaves markup in \(escaped.debugDescription)")
            }
        }
        for limit in limits {
            found += splitViolations(TextSplitter.split(text, limit: limit), of: text, limit: limit, "TextSplitter")
            found += splitViolations(SlackEncoder.split(text, limit: limit), of: text, limit: limit, "SlackEncoder")
        }
        return found
    }

    /// The first crowd word that follows an `@` in `text` (any case), as the escapes look for it.
    static func crowdPing(in text: String, words: [String]) -> String? {
        let longest = words.map(\.count).max() ?? 0
        var index = text.startIndex
        while let at = text[index...].firstIndex(of: "@") {
            let following = text[text.index(after: at)...].prefix(longest).lowercased()
            if let word = words.first(where: { following.hasPrefix($0) }) { return word }
            index = text.index(after: at)
        }
        return nil
    }

    /// What is wrong with `pieces` as a split of `text` at `limit`: a piece too long (unless it
    /// is one character that alone is longer), or characters other than whitespace lost or added.
    private static func splitViolations(_ pieces: [String], of text: String, limit: Int, _ name: String) -> [String] {
        var found: [String] = []
        for piece in pieces where piece.utf16.count > limit && piece.count > 1 {
            found.append("\(name) piece over \(limit): \(piece.debugDescription) of \(text.debugDescription)")
        }
        // Characters, not scalars: a cut drops a whitespace character whole, a mark on it too.
        // Arrays, not strings: two flags joined once the tab between them is gone make one.
        let kept = pieces.flatMap { Array($0).filter { !$0.isWhitespace } }
        if kept != Array(text).filter({ !$0.isWhitespace }) {
            found.append("\(name) at \(limit) changed the text of \(text.debugDescription): \(pieces)")
        }
        return found
    }
}
