import DeputyCore

extension SlackMarkup {
    /// Text a person typed, made safe for Deputy to echo into a channel: it can never ping.
    ///
    /// `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`, which neutralises every Slack markup
    /// form (`<!channel>`, `<!here>`, `<@U123>`, `<!subteam^…>`, links). A bare `@channel`,
    /// `@here` or `@everyone` (any case) gets a WORD JOINER (U+2060) after its `@`: invisible,
    /// no line break, and no longer the word Slack's parser turns into a group ping if a message
    /// is ever sent with `link_names` or `parse: full`. Backticks were the other choice; they
    /// change how the word looks and a person's own backticks can undo them.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "@":
                out.append("@")
                let following = text[text.index(after: index)...].prefix(longestGroupWord).lowercased()
                if groupWords.contains(where: { following.hasPrefix($0) }) {
                    out.append(wordJoiner)
                }
            default: out.append(character)
            }
            index = text.index(after: index)
        }
        return out
    }

    /// The group words Slack turns into pings after an `@`.
    private static let groupWords = ["channel", "here", "everyone"]

    /// The length of the longest group word, to look no further ahead than needed.
    private static let longestGroupWord = groupWords.map(\.count).max() ?? 0

    /// U+2060 WORD JOINER: zero width, and it keeps `@` and the word on one line.
    static let wordJoiner: Character = "\u{2060}"
}

extension SlackMarkup {
    /// A user as Slack mentions them: `<@U123>` for a Slack user id (`U…` or `W…`, upper-case
    /// letters and digits). Anyone else (a plain `@handle` Slack did not resolve) is written as
    /// escaped `@name`, so no id can smuggle markup into a message.
    public static func mention(_ user: User) -> String {
        isUserID(user.id) ? "<@\(user.id)>" : escape("@" + user.name)
    }

    /// Whether `id` has the shape of a Slack user id.
    static func isUserID(_ id: String) -> Bool {
        guard let first = id.utf8.first, first == UInt8(ascii: "U") || first == UInt8(ascii: "W"), id.utf8.count > 1
        else { return false }
        return id.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
