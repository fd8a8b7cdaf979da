extension CommandParser.Arguments {
    /// Unit words that may follow a bare number as a word of their own (`5 min`, `20 minutes`).
    private static let unitWords: Set<String> = [
        "s", "sec", "secs", "second", "seconds",
        "m", "min", "mins", "minute", "minutes",
        "h", "hr", "hrs", "hour", "hours",
    ]

    /// The duration these words spell exactly: one word (`90s`, `1h30m`) or a number and a unit
    /// word (`5 min`). With `minutesByDefault`, a bare number counts minutes (`extend 20`).
    func span(minutesByDefault: Bool = false) -> Span? {
        guard let first = tokens.first, let last = tokens.last else { return nil }
        switch tokens.count {
        case 1:
            let text = String(first.text)
            return minutesByDefault ? Span(parsingMinutesByDefault: text) : Span(parsing: text)
        case 2:
            guard first.text.allSatisfy({ $0.isASCII && $0.isNumber }), last.isOne(of: Self.unitWords)
            else { return nil }
            return Span(parsing: "\(first.text)\(last.text)")
        default:
            return nil
        }
    }

    /// The duration these words must spell exactly.
    func requiredSpan(minutesByDefault: Bool = false) throws(CommandError) -> Span {
        guard let span = span(minutesByDefault: minutesByDefault) else { throw usage }
        return span
    }

    /// Splits off a leading `<keyword> <duration>` (`for 10 min check …`); the words are unchanged
    /// when they do not start that way.
    func leadingSpan(after keywords: Set<String>) -> (rest: Self, span: Span?) {
        guard first?.isOne(of: keywords) == true else { return (self, nil) }
        for width in [2, 1] {
            let candidate = dropFirst().prefix(width)
            if candidate.tokens.count == width, let span = candidate.span() {
                return (dropFirst(width + 1), span)
            }
        }
        return (self, nil)
    }

    /// Splits off a trailing `<keyword> <duration>` (`… within 5 min`); the words are unchanged
    /// when they do not end that way.
    func trailingSpan(after keywords: Set<String>) -> (rest: Self, span: Span?) {
        for width in [2, 1] where tokens.count > width {
            let keyword = dropLast(width).tokens.last
            if keyword?.isOne(of: keywords) == true, let span = suffix(width).span() {
                return (dropLast(width + 1), span)
            }
        }
        return (self, nil)
    }

    /// The first `count` words.
    private func prefix(_ count: Int) -> Self { Self(verb: verb, tokens: tokens.prefix(count)) }

    /// The last `count` words.
    private func suffix(_ count: Int) -> Self { Self(verb: verb, tokens: tokens.suffix(count)) }
}
