import DeputyConfig
import DeputyCore

/// A valid phrasebook generated from the code's own keys, so the tests keep working as the lead
/// adds phrase keys, verbs and terms; tests break it one line at a time.
enum PhrasebookFixture {
    /// The file name problems are reported against.
    static let file = "Phrasebook/test.yaml"

    /// Every section, each entry on its own line `  key: "value"`.
    static var yaml: String {
        var lines = [
            "units:",
            "  second: [second, seconds]",
            "  minute: [minute, minutes]",
            "  hour: [hour, hours]",
            "  separator: \" \"",
            "  list_separator: \", \"",
            "  weekdays: [Sun, Mon, Tue, Wed, Thu, Fri, Sat]",
            "  months: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]",
            "  date: \"{weekday} {day} {month}\"",
            "terms:",
        ]
        lines += Term.allCases.map { "  \($0.rawValue): \"word for \($0.rawValue)\"" }
        lines.append("usage:")
        lines += Verb.allCases.map { "  \($0.rawValue): \"/ic \($0.rawValue) <thing>\"" }
        lines.append("help:")
        lines += Verb.allCases.map { "  \($0.rawValue): \"What \($0.rawValue) does.\"" }
        lines.append("phrases:")
        lines += PhraseKey.allCases.map { "  \($0.rawValue): \"\(phrase(for: $0))\"" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A phrase for `key` that uses each of its placeholders once.
    static func phrase(for key: PhraseKey) -> String {
        (["Phrase \(key.rawValue)"] + key.placeholders.sorted().map { "{\($0)}" }).joined(separator: " ")
    }

    /// The fixture with the line `  key: …` in section order replaced by `replacement` (or
    /// removed when nil). `occurrence` picks the usage (0) or help (1) line of a verb.
    static func yaml(replacingEntry key: String, with replacement: String?, occurrence: Int = 0) -> String {
        yaml(in: yaml, replacingEntry: key, with: replacement, occurrence: occurrence)
    }

    /// `text` with the line `  key: …` replaced, as `yaml(replacingEntry:with:occurrence:)` does.
    static func yaml(
        in text: String, replacingEntry key: String, with replacement: String?, occurrence: Int = 0
    )
        -> String
    {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let matches = lines.indices.filter { lines[$0].hasPrefix("  \(key):") }
        guard occurrence < matches.count else { return text }
        if let replacement {
            lines[matches[occurrence]] = replacement
        } else {
            lines.remove(at: matches[occurrence])
        }
        return lines.joined(separator: "\n")
    }

    /// The problems loading `yaml` reports; empty if it loads.
    static func problems(in yaml: String) -> [ConfigError.Problem] {
        do {
            _ = try PhrasebookLoader.load(yaml: yaml, file: file)
            return []
        } catch {
            return error.problems
        }
    }
}
