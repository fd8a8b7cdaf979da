import Foundation

/// Every word Deputy says, keyed: phrases, command usage and help, vocabulary, and the words
/// for durations. Loaded from `Phrasebook/<lang>.yaml` by DeputyConfig.
public struct Phrasebook: Sendable {
    public var phrases: [PhraseKey: Template]
    public var usage: [Verb: String]
    public var help: [Verb: String]
    public var terms: [Term: String]
    public var units: Units

    /// The words for durations and lists.
    public struct Units: Hashable, Sendable {
        public var second = Plural(one: "second", other: "seconds")
        public var minute = Plural(one: "minute", other: "minutes")
        public var hour = Plural(one: "hour", other: "hours")
        /// Between the parts of a duration: "1 hour 30 minutes".
        public var separator = " "
        /// Between the items of a list.
        public var listSeparator = ", "
        /// The days of the week, Sunday first.
        public var weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        /// The months, January first.
        public var months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        /// How a day is written, from `{weekday}`, `{day}` and `{month}`: "Thursday 10 December".
        public var date = "{weekday} {day} {month}"

        public init() {}

        /// The placeholders `date` may use.
        public static let datePlaceholders: Set<String> = ["weekday", "day", "month"]
    }

    /// A word's singular and plural.
    public struct Plural: Hashable, Sendable {
        public var one: String
        public var other: String

        public init(one: String, other: String) {
            self.one = one
            self.other = other
        }

        /// `n` and the right form: "1 minute", "5 minutes".
        public func callAsFunction(_ n: Int) -> String { "\(n) \(n == 1 ? one : other)" }
    }

    public init(
        phrases: [PhraseKey: Template], usage: [Verb: String], help: [Verb: String], terms: [Term: String],
        units: Units = Units()
    ) {
        self.phrases = phrases
        self.usage = usage
        self.help = help
        self.terms = terms
        self.units = units
    }
}
