extension Span {
    /// Reads a duration written the way people write it, from the whole of `words`: `20m`,
    /// `20 min`, `1h30`, `1.5h`, `1 hour 30 minutes`, `twenty minutes`, `twenty-five minutes`,
    /// `an hour`, `half an hour`, `an hour and a half`, `one and a half hours`, `a quarter of an
    /// hour`. With `minutesByDefault`, a bare number counts minutes (`extend 20`). Nil for
    /// anything else, for zero and for more than a week.
    ///
    /// Units must get smaller from left to right (`1 hour 30 minutes`, never `30 minutes 1 hour`),
    /// as `init(parsing:)` requires of `1h30m`.
    /// A sentence's closing punctuation on the last word is not part of it (`in 20m.`).
    public init?(words: some Collection<Substring>, minutesByDefault: Bool = false) {
        var words = Array(words)
        if let last = words.last {
            let trimmed = last.reversed().drop { ".,;:!?".contains($0) }.count
            words[words.count - 1] = last.prefix(trimmed)
        }
        let lowered = words.flatMap { Self.pieces(of: $0) }
        if minutesByDefault, lowered.count == 1, let minutes = Int(lowered[0]) {
            guard minutes > 0, minutes <= Span.longest.seconds / 60 else { return nil }
            self = .minutes(minutes)
            return
        }
        var reader = SpokenDuration(words: lowered)
        guard let seconds = reader.read(), seconds > 0, seconds <= Double(Span.longest.seconds),
            seconds == seconds.rounded()
        else { return nil }
        self.init(seconds: Int(seconds))
    }

    /// A word in lower case, split at hyphens between number words (`twenty-five`).
    private static func pieces(of word: Substring) -> [String] {
        let lower = word.lowercased()
        let parts = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ SpokenDuration.numbers[$0] != nil }) else { return [lower] }
        return parts
    }
}

/// Reads durations word by word for `Span(words:)`.
private struct SpokenDuration {
    let words: [String]
    var index = 0
    /// The last unit read, in seconds: the next must be smaller.
    var lastUnit = Double.infinity

    init(words: [String]) { self.words = words }

    /// Number words up to ninety.
    static let numbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Unit words and their length in seconds.
    static let units: [String: Double] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86400, "day": 86400, "days": 86400,
    ]

    var current: String? { index < words.count ? words[index] : nil }

    /// Whether the words from here are exactly `expected`; moves past them when they are.
    mutating func take(_ expected: String...) -> Bool {
        guard index + expected.count <= words.count, Array(words[index..<(index + expected.count)]) == expected
        else { return false }
        index += expected.count
        return true
    }

    /// The whole duration in seconds, or nil when any word does not fit.
    mutating func read() -> Double? {
        var total = 0.0
        var groups = 0
        while index < words.count {
            if groups > 0 {
                if take("and", "a", "half") {
                    guard lastUnit.isFinite else { return nil }
                    total += lastUnit / 2
                    lastUnit /= 2
                    continue
                }
                _ = take("and")
            }
            guard let seconds = group() else { return nil }
            total += seconds
            groups += 1
        }
        return groups > 0 ? total : nil
    }

    /// One quantity and its unit (`twenty minutes`, `half an hour`), or one compact word (`1h30`).
    mutating func group() -> Double? {
        if let word = current, let (seconds, largest, smallest) = Self.compact(word) {
            guard largest < lastUnit else { return nil }
            index += 1
            lastUnit = smallest
            return seconds
        }
        guard let quantity = quantity(), let word = current, let unit = Self.units[word], unit < lastUnit else {
            return nil
        }
        index += 1
        lastUnit = unit
        return quantity * unit
    }

    /// How many of the unit that follows: a number, number words, `a`/`an`, a half, a quarter, a couple.
    mutating func quantity() -> Double? {
        if take("half", "an") || take("half", "a") || take("half") || take("a", "half") { return 0.5 }
        if take("a", "quarter", "of", "an") || take("a", "quarter", "of", "a") || take("quarter", "of", "an")
            || take("quarter", "of", "a") || take("a", "quarter") || take("quarter")
        {
            return 0.25
        }
        if take("a", "couple", "of") || take("couple", "of") { return 2 }
        if take("an") || take("a") { return 1 }
        guard let word = current else { return nil }
        var amount: Double
        if let number = Self.number(word) {
            amount = number
            index += 1
        } else if let tens = Self.numbers[word] {
            index += 1
            amount = Double(tens)
            if tens >= 20, tens % 10 == 0, let next = current, let ones = Self.numbers[next], ones < 10 {
                amount += Double(ones)
                index += 1
            }
        } else {
            return nil
        }
        if take("and", "a", "half") { amount += 0.5 }
        return amount
    }

    /// A written number: `20`, `1.5`.
    static func number(_ word: String) -> Double? {
        guard !word.isEmpty, word.count <= 9, word.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            word.first?.isNumber == true, word.last?.isNumber == true, word.filter({ $0 == "." }).count <= 1
        else { return nil }
        return Double(word)
    }

    /// A compact duration in one word: `90s`, `20mins`, `1h30m`, `1h30` (minutes after hours),
    /// `5m30` (seconds after minutes), `1.5h`. Its length, its largest unit and its smallest.
    static func compact(_ word: String) -> (seconds: Double, largest: Double, smallest: Double)? {
        var total = 0.0
        var largest = 0.0
        var smallest = Double.infinity
        var number = ""
        var unit = ""
        func flush(_ size: Double) -> Bool {
            guard let value = Self.number(number), size < smallest else { return false }
            total += value * size
            largest = max(largest, size)
            smallest = size
            number = ""
            unit = ""
            return true
        }
        for character in word {
            if character.isASCII, character.isNumber || character == "." {
                if !unit.isEmpty {
                    guard let size = units[unit], flush(size) else { return nil }
                }
                number.append(character)
            } else if character.isASCII, character.isLetter, !number.isEmpty {
                unit.append(character)
            } else {
                return nil
            }
        }
        guard !number.isEmpty else { return nil }
        if unit.isEmpty {
            // A trailing number counts the next unit down: `1h30` is 90 minutes, `5m30` 330 seconds.
            guard smallest == 3600 || smallest == 60, flush(smallest / 60) else { return nil }
        } else {
            guard let size = units[unit], flush(size) else { return nil }
        }
        return (total, largest, smallest)
    }
}
