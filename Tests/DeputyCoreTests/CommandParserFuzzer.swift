/// Deterministic generator of hostile command texts, driven by SplitMix64.
///
/// The same seed always yields the same texts, so a failure found here can be replayed.
struct CommandParserFuzzer: RandomNumberGenerator {
    /// SplitMix64's running state.
    private var state: UInt64

    /// Words that steer the parser down its paths: verbs, keywords, ids, durations, mentions.
    private static let vocabulary: [String] =
        [
            "declare", "ic", "handover", "role", "assign", "found", "extend", "done", "decide", "propose", "object",
            "impact", "sev", "resolve", "postmortem", "say", "help", "snooze", "quiet", "ack", "cancel", "note",
            "in", "for", "within", "since", "by", "cancel", "done", "drill", "confirm", "false", "alarm", "proceed",
            "go", "drop", "sme", "sme:db", "sme:", "deputy", "comms", "scribe", "hurry", "triage",
        ]
        + specialWords

    /// Ids, durations, times and mentions, valid and not.
    private static let specialWords: [String] =
        [
            "T1", "t22", "T0", "T-1", "T999999", "T1000000", "P2", "p0", "P+3", "3", "0", "-5", "20",
            "99999999999999999999", "5m", "5", "min", "minutes", "h", "1h30m", "30m1h", "0s", "169h", "90s", "2d",
            "sev1", "SEV-2", "sev0", "sev-", "14:05", "25:00", "9:3", ":", "@hayley", "@here", "@", "@.", "@a,",
            "<@U1|Ada", "Lovelace>", "<@U1>", "<@>", "<!here>", "<!subteam^S1|x>", "<@U1|>", "<", ">", "|",
        ]

    /// Mentions of one person and of groups, to swap for the mentions in valid commands.
    private static let mentions = [
        "@hayley", "@Hay.ley:", "<@U2|Sam Lee>", "<@U3>", "@here", "@channel", "@everyone", "<!here>",
        "<!subteam^S1|sre>",
    ]

    /// Ways to join words: ordinary and exotic whitespace, and none at all.
    private static let separators = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2028}", "\u{3000}", ""]

    /// Code points that tend to upset text handling.
    private static let nastyScalars: [ClosedRange<UInt32>] = [
        0x00...0x1F, 0x7F...0x9F, 0x300...0x36F, 0x590...0x6FF, 0x200B...0x200F, 0x2028...0x202E,
        0xFE00...0xFE0F, 0x1F300...0x1FAFF, 0x1F1E6...0x1F1FF, 0x4E00...0x4E20, 0xFFF0...0xFFFF, 0x0...0x10FFFF,
    ]

    /// Starts the generator at `seed`.
    init(seed: UInt64) { state = seed }

    /// The next SplitMix64 output.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound`; `bound` must be positive.
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// One of `items`, which must not be empty.
    mutating func pick<Item>(_ items: [Item]) -> Item { items[below(items.count)] }

    /// A short run of awkward Unicode.
    mutating func unicode() -> String {
        var text = ""
        for _ in 0...below(4) {
            let range = pick(Self.nastyScalars)
            let value = range.lowerBound + UInt32(below(Int(range.upperBound - range.lowerBound) + 1))
            text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return text
    }

    /// Random words from the vocabulary and awkward Unicode, joined by random whitespace.
    mutating func soup() -> String {
        var words: [String] = []
        for _ in 0..<below(10) {
            words.append(below(5) == 0 ? unicode() : pick(Self.vocabulary))
        }
        return join(words)
    }

    /// `text` after one to three random mutations.
    mutating func mutate(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        for _ in 0...below(3) {
            words = mutateOnce(words)
        }
        var result = join(words)
        if below(8) == 0 { result = String(result.prefix(below(result.count + 1))) }
        return result
    }

    /// `words` after one random mutation.
    private mutating func mutateOnce(_ words: [String]) -> [String] {
        var words = words
        let index = words.isEmpty ? 0 : below(words.count)
        switch below(8) {
        case 0 where !words.isEmpty: words.remove(at: index)
        case 1 where !words.isEmpty: words.insert(words[index], at: index)
        case 2 where !words.isEmpty: words.swapAt(index, below(words.count))
        case 3: words.insert(unicode(), at: index)
        case 4 where !words.isEmpty: words[index] = recase(words[index])
        case 5 where !words.isEmpty: words[index] = pick(Self.specialWords)
        case 6: words = words.map { $0.hasPrefix("@") || $0.hasPrefix("<@") ? pick(Self.mentions) : $0 }
        default: words.insert(pick(Self.vocabulary), at: index)
        }
        return words
    }

    /// `word` in upper, lower or random case.
    private mutating func recase(_ word: String) -> String {
        switch below(3) {
        case 0: return word.uppercased()
        case 1: return word.lowercased()
        default:
            var result = ""
            for character in word {
                result += below(2) == 0 ? character.uppercased() : character.lowercased()
            }
            return result
        }
    }

    /// `words` joined by random separators.
    private mutating func join(_ words: [String]) -> String {
        var text = ""
        for (offset, word) in words.enumerated() {
            if offset > 0 { text += pick(Self.separators) }
            text += word
        }
        return text
    }
}
