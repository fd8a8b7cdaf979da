import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// Broken rules files: every problem is reported with its file, line, column and dotted key.
struct RulesLoaderProblemTests {
    @Test func aBadDurationNamesFileLineColumnAndKey() {
        let yaml = """
            # Team rules
            follow_up:
              escalate_after: "5 mins later"
            """
        #expect(
            RulesFixture.problem(in: yaml)
                == #"Config/rules.yaml:3:19: follow_up.escalate_after: "5 mins later" is not a duration (try 5m, 90s, 1h30m)"#
        )
    }

    @Test func aNumberWithoutAUnitSuggestsOne() {
        let problem = RulesFixture.problem(in: "objection:\n  window: 2\n")
        #expect(
            problem
                == #"Config/rules.yaml:2:11: objection.window: "2" has no unit (write 2m for minutes, 2s for seconds)"#)
    }

    @Test(arguments: ["0m", "8d", "soon", "5 mins later", "-3m"])
    func valuesThatAreNotDurationsAreRejected(value: String) {
        let problem = RulesFixture.problem(in: "default_timebox: \(value)\n")
        #expect(problem?.hasPrefix("Config/rules.yaml:1:18: default_timebox: ") == true)
    }

    @Test func unknownKeysAreRejectedAtTheirPositionWithASuggestion() {
        let yaml = """
            follow_up:
              escalate_afer: 5m
            rotaton:
              after: 1h
            colour: blue
            """
        let problems = RulesFixture.problems(in: yaml)
        #expect(problems.map(\.line) == [2, 3, 5])
        #expect(problems.map(\.column) == [3, 1, 1])
        #expect(problems[0].message == "follow_up.escalate_afer: unknown key (did you mean escalate_after?)")
        #expect(problems[1].message == "rotaton: unknown key (did you mean rotation?)")
        #expect(problems[2].message == "colour: unknown key (not one of the 19 keys the code uses)")
    }

    @Test func aMissingVerbFileAndAPhraseWhereAWordBelongsAreReported() {
        let problems = RulesFixture.problems(
            in: "action_items:\n  verbs: no-such-verbs.txt\n  open_ended: [look into]\n  minimum_words: 0\n")
        #expect(problems.map(\.line) == [2, 3, 4])
        #expect(problems[0].message.hasPrefix("action_items.verbs: can't read "))
        #expect(problems[0].message.contains("no-such-verbs.txt"))
        #expect(problems[1].message.contains("\"look into\" is not a single word"))
        #expect(problems[2].message.hasPrefix("action_items.minimum_words: 0 is out of range"))
    }

    @Test func wrongTypesAreReported() {
        let yaml = """
            objection: 5m
            rotation:
              enabled: maybe
            ic_claim:
              ask_at: 3m
            acknowledgement:
              after: [3m]
            """
        let problems = RulesFixture.problems(in: yaml)
        #expect(problems.map(\.line) == [1, 3, 5, 7])
        #expect(problems[0].message == #"objection: expected a mapping of `key: value` lines, found "5m""#)
        #expect(problems[1].message == #"rotation.enabled: expected true or false, found "maybe""#)
        #expect(problems[2].message == #"ic_claim.ask_at: expected a list of durations like [3m, 6m], found "3m""#)
        #expect(problems[3].message == "acknowledgement.after: expected a duration like 5m, 90s or 1h30m, found a list")
    }

    @Test func aMissingValueIsNotADefault() {
        let problem = RulesFixture.problem(in: "rotation:\n  after:\n")
        #expect(
            problem == "Config/rules.yaml:2:9: rotation.after: expected a duration like 5m, 90s or 1h30m, found nothing"
        )
    }

    @Test func aBadTimeZoneIsReported() {
        let problem = RulesFixture.problem(in: "calendar:\n  time_zone: Mars/Olympus_Mons\n")
        #expect(
            problem
                == #"Config/rules.yaml:2:14: calendar.time_zone: "Mars/Olympus_Mons" is not a time zone (use an IANA name like UTC or Europe/Berlin)"#
        )
    }

    @Test func numbersOutOfRangeAreReported() {
        let yaml = """
            postmortem:
              business_days: {1: 0, 2: 400, 3: three}
            overrides:
              sev2:
                postmortem_business_days: -1
            """
        let problems = RulesFixture.problems(in: yaml)
        #expect(problems.map(\.line) == [2, 2, 2, 5])
        #expect(problems.map(\.column) == [22, 28, 36, 31])
        #expect(problems[0].message == "postmortem.business_days.1: 0 is out of range (1 to 250 business days)")
        #expect(problems[1].message == "postmortem.business_days.2: 400 is out of range (1 to 250 business days)")
        #expect(problems[2].message == #"postmortem.business_days.3: "three" is not a whole number of business days"#)
        #expect(problems[3].message.hasPrefix("overrides.sev2.postmortem_business_days: -1 is out of range"))
    }

    @Test func severitiesOutsideOneToFiveAreReported() {
        let yaml = """
            stakeholder_updates:
              cadence: {6: 10m}
            overrides:
              sev9: {default_timebox: 3m}
              sev2: {stakeholder_cadance: 10m}
            """
        let problems = RulesFixture.problems(in: yaml)
        #expect(problems.map(\.line) == [2, 4, 5])
        #expect(
            problems[0].message
                == #"stakeholder_updates.cadence.6: "6" is not a severity (use 1 to 5, or sev1 to sev5)"#)
        #expect(problems[1].message == "overrides.sev9: unknown key (expected sev1 to sev5)")
        #expect(problems[2].message.hasPrefix("overrides.sev2.stakeholder_cadance: unknown key"))
    }

    @Test func prioritiesOutsideP1ToP5OrSeveritiesOutOfRangeAreReported() {
        let problems = RulesFixture.problems(in: "priorities:\n  p6: 1\n  p2: 7\n  urgent: 1\n")
        #expect(problems.map(\.line) == [2, 3, 4])
        #expect(problems[0].message == #"priorities.p6: "p6" is not a priority (use p1 to p5)"#)
        #expect(problems[1].message == "priorities.p2: not a severity (use 1 to 5, or sev1 to sev5)")
        #expect(problems[2].message == #"priorities.urgent: "urgent" is not a priority (use p1 to p5)"#)
    }

    @Test func askingTimesMustRiseAndTheDeclarerComesLast() {
        let problems = RulesFixture.problems(in: "ic_claim:\n  ask_at: [3m, 3m]\n")
        #expect(
            problems.map(\.description) == [
                #"Config/rules.yaml:2:16: ic_claim.ask_at: "3m" must come later than the one before it"#
            ])

        let late = RulesFixture.problem(in: "ic_claim:\n  declarer_at: 5m\n")
        #expect(late == "Config/rules.yaml:1:1: ic_claim: declarer_at must come after the last of ask_at")
    }

    @Test func calendarValuesAreChecked() {
        let yaml = """
            calendar:
              weekend: [saturday, caturday]
              holidays: [2026-02-30, 25/12/2026]
              time_zone: [UTC]
            """
        let problems = RulesFixture.problems(in: yaml)
        #expect(problems.map(\.line) == [2, 3, 3, 4])
        #expect(problems.map(\.column) == [23, 14, 26, 14])
        #expect(problems[0].message == #"calendar.weekend: "caturday" is not a day of the week (monday … sunday)"#)
        #expect(
            problems[1].message == #"calendar.holidays: "2026-02-30" is not a date (write YYYY-MM-DD, like 2026-12-25)"#
        )
        #expect(problems[3].message == "calendar.time_zone: expected a time zone like Europe/Berlin, found a list")
    }

    @Test func aWeekOfWeekendIsRejected() {
        let yaml = "calendar:\n  weekend: [mon, tue, wed, thu, fri, sat, sun]\n"
        #expect(RulesFixture.problem(in: yaml)?.contains("every day is weekend") == true)
    }

    @Test func aBadTimeOfDayIsReported() {
        let problem = RulesFixture.problem(in: "postmortem:\n  remind_at: \"25:00\"\n")
        #expect(
            problem?.hasPrefix(#"Config/rules.yaml:2:14: postmortem.remind_at: "25:00" is not a time of day"#) == true)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let yaml = """
            ic_claim:
              enabled: sometimes
            objection:
              window: forever
            rotation:
              afterr: 90m
            calendar:
              time_zone: Nowhere/Special
            late_after: 1m
            """
        let error = try #require(throws: ConfigError.self) { try RulesLoader.load(yaml: yaml, file: "rules.yaml") }
        #expect(error.problems.map(\.line) == [2, 4, 6, 8])
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("rules.yaml:") })
    }

    @Test func aYAMLSyntaxErrorNamesTheFileAndLine() throws {
        let error = try #require(throws: ConfigError.self) {
            try RulesLoader.load(yaml: "rotation:\n  after: [90m\nlate_after: 1m\n", file: "rules.yaml")
        }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].file == "rules.yaml")
        #expect(error.problems[0].line == 3)
        #expect(error.problems[0].message.hasPrefix("not valid YAML: "))
    }

    @Test func aDuplicatedKeyIsReported() throws {
        let error = try #require(throws: ConfigError.self) {
            try RulesLoader.load(yaml: "rotation:\n  after: 1h\n  after: 2h\n", file: "rules.yaml")
        }
        #expect(error.problems.map(\.message) == ["a key appears twice in this mapping: 'after'"])
        #expect(error.problems[0].line == 2)
    }

    @Test func theTopLevelMustBeAMapping() {
        #expect(RulesFixture.problem(in: "- 3m\n")?.hasPrefix("Config/rules.yaml:1:1: expected a mapping") == true)
    }

    @Test func anUnreadableFileNamesTheFile() throws {
        let path = "/nonexistent/deputy/rules.yaml"
        let error = try #require(throws: ConfigError.self) { try RulesLoader.load(path: path) }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].file == path)
        #expect(error.problems[0].line == nil)
        #expect(error.description == "\(path): can't read the file: there is no such file")
    }

    @Test func aDirectoryIsNotARulesFile() throws {
        let path = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: ConfigError.self) { try RulesLoader.load(path: path) }
        #expect(error.description == "\(path): can't read the file: it is a directory")
    }
}
