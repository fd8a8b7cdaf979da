/// What every platform does to text a person typed before Deputy repeats it: crowd mentions made
/// harmless, and the core's canonical `<@id|name>` mentions shown in the platform's own way.
enum EchoedText {
    /// The WORD JOINER (U+2060): put after an `@`, it shows nothing and breaks no line, but the
    /// word after it is no longer one a platform turns into a crowd's ping.
    static let wordJoiner: Character = "\u{2060}"

    /// `text` with a WORD JOINER after every `@` that starts one of `words` (lowercase; matched
    /// in any case), and every canonical `<@id|name>` mention replaced by `mention(id, name)`.
    static func escape(
        _ text: String, crowdWords words: [String], mention: (Substring, Substring) -> String
    ) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let longest = words.map(\.count).max() ?? 0
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
            if character == "@" {
                let following = rest.prefix(longest).lowercased()
                if words.contains(where: { following.hasPrefix($0) }) { out.append(wordJoiner) }
            }
            index = text.index(after: index)
        }
        return out
    }
}
