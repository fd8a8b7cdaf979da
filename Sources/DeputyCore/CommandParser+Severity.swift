extension CommandParser.Arguments {
    /// The words that name a severity when a level follows them (`sev 2`, `severity 2`).
    private static let severityWords: Set<String> = ["sev", "severity"]

    /// A severity as people write it, and the positions of the words it took: `sev2`, `SEV-2`,
    /// `Sev 2`, `severity 2`, `(sev2)`, `sev2,`, or a priority `P2` read through `priorities`.
    /// `level` is what was written, in range or not (`sev6`).
    struct SeverityWords {
        var level: Int
        var isPriority: Bool
        var positions: [Int]
    }

    /// Every severity these words give, in order.
    func severityWords() -> [SeverityWords] {
        var found: [SeverityWords] = []
        let words = Array(tokens)
        var index = 0
        while index < words.count {
            let word = words[index].bare.lowercased()
            if let (level, isPriority) = Self.severityTag(word) {
                found.append(SeverityWords(level: level, isPriority: isPriority, positions: [words[index].position]))
            } else if Self.severityWords.contains(word), index + 1 < words.count,
                let level = Self.digit(words[index + 1].bare)
            {
                found.append(
                    SeverityWords(
                        level: level, isPriority: false, positions: [words[index].position, words[index + 1].position]))
                index += 1
            }
            index += 1
        }
        return found
    }

    /// The severity `words` means: its level, or the one its priority maps to.
    func severity(of words: SeverityWords) -> Severity? {
        words.isPriority ? priorities[words.level] : Severity(level: words.level)
    }

    /// `sev <level>`: one severity in any spelling, or a bare level (`2`).
    func onlySeverity() throws(CommandError) -> Severity {
        let given = severityWords()
        if given.count == 1, let words = given.first, words.positions.count == tokens.count {
            guard let severity = severity(of: words) else { throw .usageHint(verb, .severityOutOfRange) }
            return severity
        }
        guard given.isEmpty, let single, let level = Self.digit(single.bare) else { throw usage }
        guard let severity = Severity(level: level) else { throw .usageHint(verb, .severityOutOfRange) }
        return severity
    }

    /// `sev2`, `sev-2`, `severity2`, `p2` as one word: the level, and whether it was a priority.
    private static func severityTag(_ word: String) -> (Int, Bool)? {
        for prefix in ["severity", "sev"] where word.hasPrefix(prefix) {
            var rest = word.dropFirst(prefix.count)
            if rest.first == "-" || rest.first == "–" { rest = rest.dropFirst() }
            return digit(rest).map { ($0, false) }
        }
        if word.first == "p", let level = digit(word.dropFirst()) { return (level, true) }
        return nil
    }

    /// One or two digits, read as a level (`2`, `10`).
    private static func digit(_ text: Substring) -> Int? {
        guard (1...2).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
