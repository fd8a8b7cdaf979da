import Foundation

/// A length of time as people say it in chat: `90s`, `5m`, `5 min`, `1h30m`. Whole seconds.
public struct Span: Hashable, Codable, Sendable, Comparable {
    /// The length in whole seconds.
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func seconds(_ n: Int) -> Span { Span(seconds: n) }
    public static func minutes(_ n: Int) -> Span { Span(seconds: n * 60) }
    public static func hours(_ n: Int) -> Span { Span(seconds: n * 3600) }

    /// The same length as a `TimeInterval`, for date arithmetic.
    public var interval: TimeInterval { TimeInterval(seconds) }

    /// The span between two moments, rounded to the nearest second (never negative).
    public init(from start: Date, to end: Date) {
        self.seconds = max(0, Int((end.timeIntervalSince(start)).rounded()))
    }

    public static func < (lhs: Span, rhs: Span) -> Bool { lhs.seconds < rhs.seconds }

    /// The longest span Deputy accepts from a person: a week.
    public static let longest = Span.hours(24 * 7)
}

extension Span {
    private static let units: [(words: Set<String>, seconds: Int)] = [
        (["s", "sec", "secs", "second", "seconds"], 1),
        (["m", "min", "mins", "minute", "minutes"], 60),
        (["h", "hr", "hrs", "hour", "hours"], 3600),
        (["d", "day", "days"], 86400),
    ]

    /// Reads one duration written as a single token (`90s`, `5m`, `1h30m`) or as a number and a
    /// unit word (`5 min`, `20 minutes`). Returns nil for anything else, including zero and
    /// lengths over a week.
    public init?(parsing text: String) {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        var total = 0
        var number = ""
        var unit = ""
        var lastUnitSize = Int.max
        func flush() -> Bool {
            guard let n = Int(number), n < 1_000_000,
                let size = Span.units.first(where: { $0.words.contains(unit) })?.seconds,
                size < lastUnitSize
            else { return false }
            total += n * size
            lastUnitSize = size
            number = ""
            unit = ""
            return true
        }
        for character in compact {
            if character.isASCII, character.isNumber {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(character)
            } else if character.isASCII, character.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(character)
            } else {
                return nil
            }
        }
        guard !number.isEmpty, !unit.isEmpty, flush() else { return nil }
        guard total > 0, total <= Span.longest.seconds else { return nil }
        self.seconds = total
    }

    /// Reads a bare number as minutes (`extend 20`), or any duration `init(parsing:)` reads.
    public init?(parsingMinutesByDefault text: String) {
        if let minutes = Int(text), minutes > 0, minutes <= Span.longest.seconds / 60 {
            self = .minutes(minutes)
        } else {
            self.init(parsing: text)
        }
    }
}
