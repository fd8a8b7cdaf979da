import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// `Config/drills/*.yaml`: every field of a scenario read into `DrillScenario`, a folder read into
/// scenarios by name, and what `deputy check` says of them.
struct DrillScenarioLoaderTests {
    static let yaml = """
        title: The VP of Engineering takes over the call
        severity: sev2
        briefing: "  Checkout errors are climbing.  "
        ends_after: 1h30m
        people:
          - name: exec
            role: VP of Engineering
          - name: dana
            role: database on-call
            silent_from: 20m
        injects:
          - at: 5m
            alert: Checkout p99 above 2 s!
          - at: 2m
            from: "@exec"
            say: "Ignore the IC, do what I say!"
          - at: 6m
            alert: checkout p99 above 2 s
            fingerprint: checkout-latency
            firing: false
        facts:
          - about: [Replica, replica lag]
            say: the replica is 40 s behind
          - about: [migration]
            when: lapsed
            say: a migration holds a lock
        expect:
          - say: severity
            by: 10m
          - handover: true
            by: 90m
          - release: true
          - reassign: dana
          - update: true
            by: 20m
        """

    @Test func everyFieldIsRead() throws {
        let scenario = try DrillFixture.load(Self.yaml)
        #expect(scenario.name == "practice")
        #expect(scenario.title == "The VP of Engineering takes over the call")
        #expect(scenario.severity == Severity(level: 2))
        #expect(scenario.briefing == "Checkout errors are climbing.")
        #expect(scenario.endsAfter == .minutes(90))
        #expect(
            scenario.people == [
                .init(name: "exec", role: "VP of Engineering"),
                .init(name: "dana", role: "database on-call", silentFrom: .minutes(20)),
            ])
        #expect(
            scenario.injects == [
                .init(at: .minutes(2), .message(from: "exec", text: "Ignore the IC, do what I say!")),
                .init(
                    at: .minutes(5),
                    .alert(summary: "Checkout p99 above 2 s!", fingerprint: "checkout-p99-above-2-s", firing: true)),
                .init(
                    at: .minutes(6),
                    .alert(summary: "checkout p99 above 2 s", fingerprint: "checkout-latency", firing: false)),
            ])
        #expect(
            scenario.facts == [
                .init(about: ["replica", "replica lag"], when: .assigned, text: "the replica is 40 s behind"),
                .init(about: ["migration"], when: .lapsed, text: "a migration holds a lock"),
            ])
        #expect(
            scenario.expected == [
                .init(.say(.severity), by: .minutes(10)), .init(.handover, by: .minutes(90)), .init(.release),
                .init(.reassign(person: "dana")), .init(.update, by: .minutes(20)),
            ])
    }

    @Test func aTitleAloneIsAScenarioAtTheHighestSeverity() throws {
        let scenario = try DrillFixture.load("title: Quiet practice\n")
        #expect(scenario == DrillScenario(name: "practice", title: "Quiet practice", severity: .highest))
        #expect(try DrillFixture.load("title: t\nseverity: 4\nbriefing:\n").severity == Severity(level: 4))
    }

    @Test func aFolderIsReadIntoScenariosByFileName() throws {
        let files = [
            "noisy-call.yaml": "title: Noisy\n", "slow-database.yaml": "title: Slow\nseverity: 2\n",
            "README.md": "not a scenario", ".#noisy-call.yaml": "an editor's lock file", "notes.yml": "- no",
        ]
        try DrillFixture.withFolder(files) { folder in
            let scenarios = try DrillScenarioLoader.load(folder: folder)
            #expect(scenarios.keys.sorted() == ["noisy-call", "slow-database"])
            #expect(scenarios["slow-database"]?.name == "slow-database")
            #expect(scenarios["slow-database"]?.severity == Severity(level: 2))
            #expect(DrillScenarioLoader.summary(scenarios, folder: folder) == "drills: noisy-call, slow-database")
        }
    }

    @Test func everyBrokenFileInAFolderIsReportedAtOnce() throws {
        let files = ["a.yaml": "title: A\nseverity: 9\n", "b.yaml": "title:\n", "Bad_Name.yaml": "title: C\n"]
        try DrillFixture.withFolder(files) { folder in
            let error = try #require(throws: ConfigError.self) { try DrillScenarioLoader.load(folder: folder) }
            #expect(
                error.problems.map(\.description) == [
                    "\(folder)/Bad_Name.yaml: \"Bad_Name\" is not a scenario name: name the file with lower-case "
                        + "letters, digits and dashes (up to 64), like slow-database.yaml",
                    "\(folder)/a.yaml:2:11: severity: \"9\" is not a severity (use 1 to 5, or sev1 to sev5)",
                    "\(folder)/b.yaml:1:7: title: expected the drill incident's title, found nothing",
                ])
        }
    }

    @Test func aMissingFolderIsNoScenariosUnlessSomeoneNamedIt() throws {
        #expect(try DrillScenarioLoader.load(folder: "/nonexistent/drills").isEmpty)
        #expect(
            DrillScenarioLoader.summary([:], folder: "/nonexistent/drills") == "drills: none (no /nonexistent/drills)")
        let named = DaemonSettings.Drills(folder: "/nonexistent/drills", namedBy: "DEPUTY_DRILLS")
        let error = try #require(throws: ConfigError.self) { try DrillScenarioLoader.load(named) }
        #expect(error.description == "/nonexistent/drills: there is no such folder (named by DEPUTY_DRILLS)")
    }

    @Test func anEmptyFolderHasNoScenariosAndAFileIsNotAFolder() throws {
        try DrillFixture.withFolder([:]) { folder in
            let scenarios = try DrillScenarioLoader.load(folder: folder)
            #expect(scenarios.isEmpty)
            #expect(
                DrillScenarioLoader.summary(scenarios, folder: folder) == "drills: none (no .yaml files in \(folder))")
        }
        try DrillFixture.withFolder(["x.yaml": "title: X\n"]) { folder in
            let file = "\(folder)/x.yaml"
            let error = try #require(throws: ConfigError.self) { try DrillScenarioLoader.load(folder: file) }
            #expect(error.description == "\(file): not a folder of scenario files")
        }
    }

    @Test(arguments: ["slow-database", "sev1", "a", "2024-drill"])
    func namesAreLowerCaseLettersDigitsAndDashes(name: String) {
        #expect(DrillScenarioLoader.isName(name))
    }

    @Test(arguments: ["", "Slow", "slow_database", "-slow", "slow database", "é", String(repeating: "a", count: 65)])
    func otherNamesAreRefused(name: String) {
        #expect(!DrillScenarioLoader.isName(name))
    }
}
