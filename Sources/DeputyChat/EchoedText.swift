/// What every platform does to text a person typed before Deputy repeats it: crowd mentions made
/// harmless, and the core's canonical `<@id|name>` mentions shown in the platform's own way.
enum EchoedText {
    /// The WORD JOINER (U+2060): put after an `@`, it shows nothing and breaks no line, but the
    /// word after it is no longer one a platform turns into a crowd's ping.
    static let wordJoiner: Character = "\u{2060}"

    /// `text` with every canonical `<@id|name>` mention replaced by `mention(id, name)`, then a
    /// WORD JOINER after every `@` that starts one of `words` (lowercase; matched in any case).
    /// Crowd words are looked for after the mentions are written, so a mention whose name is
    /// one (`<@x|here>` written `@here`), or that ends where one starts, cannot ping either.
    static func escape(
        _ text: String, crowdWords words: [String], mention: (Substring, Substring) -> String
    ) -> String {
        breakingCrowdWords(words, in: writingMentions(in: text, with: mention))
    }

    /// `text` with every canonical `<@id|name>` mention replaced by `mention(id, name)`.
    private static func writingMentions(in text: String, with mention: (Substring, Substring) -> String) -> String {
        guard text.contains("<@") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let rest = text[text.index(after: index)...]
            if character == "<", rest.hasPrefix("@"), let close = rest.firstIndex(of: ">"),
                let bar = rest[..<close].firstIndex(of: "|")
            {
                out += mention(rest[rest.index(after: rest.startIndex)..<bar], rest[rest.index(after: bar)..<close])
                index = text.index(after: close)
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out
    }

    /// `text` with a WORD JOINER after every `@` that starts one of `words`, in any case.
    private static func breakingCrowdWords(_ words: [String], in text: String) -> String {
        let longest = words.map(\.count).max() ?? 0
        guard longest > 0, text.contains("@") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 3)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            out.append(character)
            index = text.index(after: index)
            if character == "@" {
                let following = text[index...].prefix(longest).lowercased()
                if words.contains(where: { following.hasPrefix($0) }) { out.append(wordJoiner) }
            }
        }
        return out
    }
}
