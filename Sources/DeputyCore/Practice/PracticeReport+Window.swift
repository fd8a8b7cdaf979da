import Foundation

extension PracticeReport {
    /// How far back a report looks: `90d`, `2w`, `36h`, or any span a person can write
    /// (`Span(parsing:)`), up to ten years. Written back in one unit (`90d`, `36h`), the form a
    /// signed link carries.
    public struct Window: Hashable, Sendable, CustomStringConvertible {
        /// The length, in whole seconds.
        public let span: Span

        /// The default: 90 days.
        public static let `default` = Window(days: 90)

        /// The longest a report looks back: ten years.
        public static let longest = Span.hours(24 * 3650)

        /// A window of `days` days.
        public init(days: Int) {
            self.span = Span.hours(24 * max(1, min(days, 3650)))
        }

        /// Reads a number of days (`90d`, `90 days`) or weeks (`2w`), or a span `Span(parsing:)`
        /// reads (`36h`, `1h30m`); nil for anything else, zero, or more than ten years.
        public init?(parsing text: String) {
            let compact = text.lowercased().filter { !$0.isWhitespace }
            let digits = compact.prefix { $0.isASCII && $0.isNumber }
            let unit = compact.dropFirst(digits.count)
            let days: [Substring: Int] = ["d": 1, "day": 1, "days": 1, "w": 7, "wk": 7, "week": 7, "weeks": 7]
            if !digits.isEmpty, digits.count <= 6, let count = Int(digits), let size = days[unit] {
                guard count > 0, count * size <= Self.longest.seconds / 86400 else { return nil }
                self.span = Span.hours(24 * count * size)
            } else if let span = Span(parsing: text) {
                self.span = span
            } else {
                return nil
            }
        }

        /// In the largest unit that says it whole: `90d`, `36h`, `90m`, `45s`.
        public var description: String {
            let seconds = span.seconds
            for (size, unit) in [(86400, "d"), (3600, "h"), (60, "m")] where seconds.isMultiple(of: size) {
                return "\(seconds / size)\(unit)"
            }
            return "\(seconds)s"
        }
    }
}
