import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// Reading phrasebooks, and the problems a broken one reports: each at its line and key.
struct PhrasebookLoaderTests {
    /// A phrase key that has placeholders, to get them wrong.
    private var keyWithPlaceholders: PhraseKey? {
        PhraseKey.allCases.first { !$0.placeholders.isEmpty }
    }

    @Test func aCompletePhrasebookLoads() throws {
        let phrasebook = try PhrasebookLoader.load(yaml: PhrasebookFixture.yaml, file: PhrasebookFixture.file)
        #expect(phrasebook.phrases.count == PhraseKey.allCases.count)
        #expect(phrasebook.usage.count == Verb.allCases.count)
        #expect(phrasebook.help.count == Verb.allCases.count)
        #expect(phrasebook.terms.count == Term.allCases.count)
        #expect(phrasebook.terms[.incidentCommander] == "word for incident_commander")
        #expect(phrasebook.usage[.assign] == "/ic assign <thing>")
        for key in PhraseKey.allCases {
            #expect(Set(phrasebook.phrases[key]?.placeholders ?? []) == key.placeholders)
        }
    }

    @Test func unitsAreTheTeamsWords() throws {
        let yaml = PhrasebookFixture.yaml(
            replacingEntry: "minute", with: "  minute: [Minute, Minuten]"
        )
        .replacingOccurrences(of: "  list_separator: \", \"", with: "  list_separator: \" · \"")
        let units = try PhrasebookLoader.load(yaml: yaml, file: PhrasebookFixture.file).units
        #expect(units.minute(5) == "5 Minuten")
        #expect(units.minute(1) == "1 Minute")
        #expect(units.separator == " ")
        #expect(units.listSeparator == " · ")
    }

    @Test func aMissingPhraseIsReportedAtItsSection() throws {
        let key = try #require(PhraseKey.allCases.last)
        let yaml = PhrasebookFixture.yaml(replacingEntry: key.rawValue, with: nil)
        let section = try #require(TextPosition(lineStartingWith: "phrases:", in: yaml))
        #expect(
            PhrasebookFixture.problems(in: yaml).map(\.description) == [
                "\(PhrasebookFixture.file):\(section.line):1: phrases.\(key.rawValue): missing"
            ])
    }

    @Test func aMissingHelpEntryIsReportedAtItsSection() throws {
        let yaml = PhrasebookFixture.yaml(replacingEntry: "assign", with: nil, occurrence: 1)
        let section = try #require(TextPosition(lineStartingWith: "help:", in: yaml))
        let problems = PhrasebookFixture.problems(in: yaml)
        #expect(problems.map(\.message) == ["help.assign: missing"])
        #expect(problems.first?.line == section.line)
    }

    @Test func aMissingSectionIsReportedAtTheTop() {
        let yaml = PhrasebookFixture.yaml.replacingOccurrences(of: "terms:", with: "vocabulary:")
        let problems = PhrasebookFixture.problems(in: yaml).map(\.description)
        #expect(problems.contains("\(PhrasebookFixture.file):1:1: terms: missing section"))
        #expect(
            problems.contains {
                $0.hasSuffix("vocabulary: unknown key (expected one of: units, terms, usage, help, phrases)")
            })
    }

    @Test func unknownKeysAreRejected() throws {
        let yaml = PhrasebookFixture.yaml + "  not_a_phrase: \"Hello\"\n"
        let position = try #require(TextPosition(of: "not_a_phrase", in: yaml))
        let problems = PhrasebookFixture.problems(in: yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.line == position.line)
        #expect(problems.first?.column == 3)
        #expect(problems.first?.message.hasPrefix("phrases.not_a_phrase: unknown key (") == true)
    }

    @Test func aMisspelledKeyIsMissingAndUnknownWithASuggestion() throws {
        let key = try #require(PhraseKey.allCases.first)
        let typo = String(key.rawValue.dropLast())
        let yaml = PhrasebookFixture.yaml(
            replacingEntry: key.rawValue, with: "  \(typo): \"\(PhrasebookFixture.phrase(for: key))\"")
        #expect(
            PhrasebookFixture.problems(in: yaml).map(\.message) == [
                "phrases.\(key.rawValue): missing",
                "phrases.\(typo): unknown key (did you mean \(key.rawValue)?)",
            ])
    }

    @Test func placeholdersMustMatchTheCode() throws {
        let key = try #require(keyWithPlaceholders)
        let yaml = PhrasebookFixture.yaml(replacingEntry: key.rawValue, with: "  \(key.rawValue): \"Hi {bogus}\"")
        let position = try #require(TextPosition(of: "\"Hi {bogus}\"", in: yaml))
        let expected = key.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", ")
        #expect(
            PhrasebookFixture.problems(in: yaml).map(\.description) == [
                "\(PhrasebookFixture.file):\(position): phrases.\(key.rawValue): placeholders don't match: "
                    + "missing \(expected); unexpected {bogus} (expected \(expected))"
            ])
    }

    @Test func anExtraPlaceholderAloneIsReported() throws {
        let key = try #require(keyWithPlaceholders)
        let phrase = PhrasebookFixture.phrase(for: key) + " {extra}"
        let yaml = PhrasebookFixture.yaml(replacingEntry: key.rawValue, with: "  \(key.rawValue): \"\(phrase)\"")
        let message = PhrasebookFixture.problems(in: yaml).first?.message ?? ""
        #expect(message.contains("placeholders don't match: unexpected {extra}"))
        #expect(!message.contains("missing"))
    }

    @Test(arguments: [
        ("Oops {title", "unclosed '{' at character 6"),
        ("Oops } there", "'}' without '{' at character 6"),
        ("Oops {} there", "bad placeholder name '' at character 6"),
        ("Oops {the title}", "bad placeholder name 'the title' at character 6"),
    ])
    func templateSyntaxErrorsAreReported(phrase: String, problem: String) throws {
        let key = try #require(PhraseKey.allCases.first)
        let yaml = PhrasebookFixture.yaml(replacingEntry: key.rawValue, with: "  \(key.rawValue): \"\(phrase)\"")
        let position = try #require(TextPosition(of: "\"\(phrase)\"", in: yaml))
        #expect(
            PhrasebookFixture.problems(in: yaml).map(\.description) == [
                "\(PhrasebookFixture.file):\(position): phrases.\(key.rawValue): \(problem)"
            ])
    }

    @Test func wrongTypesAreReported() throws {
        let key = try #require(PhraseKey.allCases.first)
        var yaml = PhrasebookFixture.yaml(replacingEntry: key.rawValue, with: "  \(key.rawValue): [a, b]")
        yaml = PhrasebookFixture.yaml(in: yaml, replacingEntry: "scribe", with: "  scribe: {one: scribe}")
        yaml = PhrasebookFixture.yaml(in: yaml, replacingEntry: "hour", with: "  hour: hours")
        let problems = PhrasebookFixture.problems(in: yaml)
        #expect(
            problems.map(\.message) == [
                #"units.hour: expected [singular, plural] like [minute, minutes], found "hours""#,
                "terms.scribe: expected text, found a mapping",
                "phrases.\(key.rawValue): expected text, found a list",
            ])
        #expect(
            problems.map(\.line) == [
                TextPosition(of: "  hour:", in: yaml)?.line, TextPosition(of: "  scribe:", in: yaml)?.line,
                TextPosition(of: "  \(key.rawValue):", in: yaml)?.line,
            ])
    }

    @Test(arguments: ["\"\"", "", "~", "\"   \""])
    func emptyTextIsReported(value: String) {
        let yaml = PhrasebookFixture.yaml(replacingEntry: "deputy", with: "  deputy: \(value)")
        #expect(PhrasebookFixture.problems(in: yaml).map(\.message) == ["terms.deputy: is empty"])
    }

    @Test func aSeparatorMayBeASpaceButNotNothing() {
        let yaml = PhrasebookFixture.yaml(replacingEntry: "separator", with: "  separator: \"\"")
        #expect(PhrasebookFixture.problems(in: yaml).map(\.message) == ["units.separator: is empty"])
    }

    @Test func aPluralNeedsExactlyTwoWords() {
        let yaml = PhrasebookFixture.yaml(replacingEntry: "second", with: "  second: [second]")
        #expect(
            PhrasebookFixture.problems(in: yaml).map(\.message) == [
                "units.second: expected [singular, plural] like [minute, minutes], found a list of 1"
            ])
    }

    @Test func weekdaysMonthsAndTheDateAreChecked() {
        var yaml = PhrasebookFixture.yaml(replacingEntry: "weekdays", with: "  weekdays: [Mon, Tue]")
        yaml = PhrasebookFixture.yaml(in: yaml, replacingEntry: "date", with: "  date: \"{weekday} {year}\"")
        #expect(
            PhrasebookFixture.problems(in: yaml).map(\.message) == [
                "units.weekdays: expected a list of 7 names like [Sunday, Monday, …], found a list of 2",
                "units.date: unexpected {year} (a date may use {weekday}, {day} and {month})",
            ])
    }

    @Test func everyProblemIsReportedInFileOrder() throws {
        let key = try #require(keyWithPlaceholders)
        var yaml = PhrasebookFixture.yaml(replacingEntry: "minute", with: "  minute: minutes")
        yaml = PhrasebookFixture.yaml(in: yaml, replacingEntry: "lead", with: "  lead: \"\"")
        yaml = PhrasebookFixture.yaml(in: yaml, replacingEntry: "assign", with: nil, occurrence: 1)
        yaml = PhrasebookFixture.yaml(in: yaml, replacingEntry: key.rawValue, with: "  \(key.rawValue): \"{nope\"")
        let error = try #require(throws: ConfigError.self) {
            try PhrasebookLoader.load(yaml: yaml, file: PhrasebookFixture.file)
        }
        #expect(
            error.problems.map(\.message).map { $0.prefix { $0 != ":" } } == [
                "units.minute", "usage.lead", "help.assign", "phrases.\(key.rawValue)",
            ])
        let lines = error.problems.compactMap(\.line)
        #expect(lines == lines.sorted())
        #expect(error.description.split(separator: "\n").count == 4)
    }

    @Test func aYAMLSyntaxErrorStopsTheLoad() throws {
        let yaml = PhrasebookFixture.yaml(replacingEntry: "deputy", with: "  deputy: \"unterminated")
        let error = try #require(throws: ConfigError.self) {
            try PhrasebookLoader.load(yaml: yaml, file: PhrasebookFixture.file)
        }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.line != nil)
        #expect(error.description.hasPrefix("\(PhrasebookFixture.file):"))
    }

    @Test func anUnreadableFileNamesTheFile() throws {
        let error = try #require(throws: ConfigError.self) {
            try PhrasebookLoader.load(path: "/nonexistent/Phrasebook/xx.yaml")
        }
        #expect(error.description.hasPrefix("/nonexistent/Phrasebook/xx.yaml: can't read the file"))
    }
}
