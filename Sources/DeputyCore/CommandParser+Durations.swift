extension CommandParser.Arguments {
    /// The most words a duration takes: `an hour and a half`, `one hour and thirty minutes`.
    private static let longestSpan = 6

    /// The duration these words spell exactly, in any of the ways `Span(words:)` reads. With
    /// `minutesByDefault`, a bare number counts minutes (`extend 20`).
    func span(minutesByDefault: Bool = false) -> Span? {
        guard !tokens.isEmpty, tokens.count <= Self.longestSpan else { return nil }
        return Span(words: tokens.map(\.text), minutesByDefault: minutesByDefault)
    }

    /// The duration these words must spell exactly. With `unitRequired`, a bare number is told
    /// to say its unit (`quiet 30`).
    func requiredSpan(minutesByDefault: Bool = false, unitRequired: Bool = false) throws(CommandError) -> Span {
        guard let span = span(minutesByDefault: minutesByDefault) else {
            if unitRequired, let single, let number = single.wholeNumber, number > 0 {
                throw .usageHint(verb, .durationWithoutUnit(number))
            }
            throw usage
        }
        return span
    }

    /// Splits off a leading `<keyword> <duration>` (`for 10 min check …`), the longest duration
    /// it can; the words are unchanged when they do not start that way.
    func leadingSpan(after keywords: Set<String>) -> (rest: Self, span: Span?) {
        guard first?.isOne(of: keywords) == true else { return (self, nil) }
        let words = dropFirst()
        for width in stride(from: min(Self.longestSpan, words.tokens.count), through: 1, by: -1) {
            if let span = words.prefix(width).span() { return (words.dropFirst(width), span) }
        }
        return (self, nil)
    }

    /// Splits off a trailing `<keyword> <duration>` (`… within 5 min`, `… in half an hour`), the
    /// longest duration it can; the words are unchanged when they do not end that way.
    func trailingSpan(after keywords: Set<String>) -> (rest: Self, span: Span?) {
        for width in stride(from: min(Self.longestSpan, tokens.count - 1), through: 1, by: -1) {
            let keyword = dropLast(width).tokens.last
            if keyword?.isOne(of: keywords) == true, let span = suffix(width).span() {
                return (dropLast(width + 1), span)
            }
        }
        return (self, nil)
    }

    /// Splits off a trailing duration with no keyword before it (`… the latency 20m`, `… 20 min`),
    /// when it has a unit.
    func trailingBareSpan() -> (rest: Self, span: Span?) {
        for width in stride(from: min(3, tokens.count), through: 1, by: -1) {
            if let span = suffix(width).span() { return (dropLast(width), span) }
        }
        return (self, nil)
    }

    /// The first `count` words.
    func prefix(_ count: Int) -> Self { with(tokens.prefix(count)) }

    /// The last `count` words.
    func suffix(_ count: Int) -> Self { with(tokens.suffix(count)) }
}
