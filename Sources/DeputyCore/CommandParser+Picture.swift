extension CommandParser {
    /// `impact <text> [since HH:MM]`; a time-shaped word after `since` must be a real time.
    static func impact(_ arguments: Arguments) throws(CommandError) -> Command {
        let tokens = arguments.tokens
        guard tokens.count >= 2, let last = tokens.last, looksLikeTime(last),
            arguments.dropLast().tokens.last?.isOne(of: ["since"]) == true
        else { return try .impact(arguments.requiredText(), since: nil) }
        guard let since = TimeOfDay(parsing: String(last.text)) else { throw arguments.usage }
        return try .impact(arguments.dropLast(2).requiredText(), since: since)
    }

    /// Whether a word is written like a clock time (digits around a colon), valid or not.
    private static func looksLikeTime(_ token: Token) -> Bool {
        token.text.contains(":") && token.text.allSatisfy { $0 == ":" || ($0.isASCII && $0.isNumber) }
    }

    /// `help [topic]`: the topic in lower case, without a leading `/`.
    static func help(_ arguments: Arguments) -> Command {
        guard let text = arguments.text?.lowercased() else { return .help(topic: nil) }
        let topic = text.hasPrefix("/") ? String(text.dropFirst().drop(while: \.isWhitespace)) : text
        return .help(topic: topic.isEmpty ? nil : topic)
    }
}
