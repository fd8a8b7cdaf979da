import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// The files the repository ships load, cover everything the code asks for, and are documented.
struct ShippedFilesTests {
    @Test func theShippedRulesAreTheDefaults() throws {
        let path = try #require(Repository.path("Config/rules.yaml"))
        var shipped = try RulesLoader.load(path: path)
        // The verb list comes from its own file (Config/verbs.txt); everything else is the default.
        #expect(shipped.actionItems.verbs.count > 8_000)
        #expect(shipped.actionItems.verbs.isSuperset(of: ["add", "remove", "document", "investigate", "alert"]))
        #expect(!shipped.actionItems.verbs.contains("the"))
        shipped.actionItems.verbs = []
        #expect(shipped == Rules())
    }

    @Test func theEnglishPhrasebookHasEveryKeyWithExactlyItsPlaceholders() throws {
        let path = try #require(Repository.path("Phrasebook/en.yaml"))
        let phrasebook = try PhrasebookLoader.load(path: path)
        for key in PhraseKey.allCases {
            let template = try #require(phrasebook.phrases[key], "no phrase for \(key.rawValue)")
            #expect(Set(template.placeholders) == key.placeholders, "placeholders of \(key.rawValue)")
        }
        for verb in Verb.allCases {
            #expect(phrasebook.usage[verb]?.isEmpty == false, "usage for \(verb.rawValue)")
            #expect(phrasebook.help[verb]?.isEmpty == false, "help for \(verb.rawValue)")
        }
        for term in Term.allCases {
            #expect(phrasebook.terms[term]?.isEmpty == false, "term \(term.rawValue)")
        }
    }

    @Test func theShippedAlertRoutesLoadWithNoRoutes() throws {
        let path = try #require(Repository.path("Config/alerts.yaml"))
        #expect(try AlertRoutesLoader.load(path: path, namedBy: "a test") == AlertRouting())
    }

    @Test func theShippedAlertRoutesExamplesLoadOncePastedInOnePerAction() throws {
        let path = try #require(Repository.path("Config/alerts.yaml"))
        let yaml = try Self.example(after: "# routes:", in: String(contentsOfFile: path, encoding: .utf8))
        let routing = try AlertRoutesLoader.load(yaml: yaml, file: path)
        #expect(Set(routing.routes.map(\.action)) == Set(AlertAction.allCases))
        #expect(routing.defaultChannel != nil)
    }

    @Test func theShippedPagingExampleLoadsOncePastedIn() throws {
        let path = try #require(Repository.path("Config/deputy.yaml"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let yaml = try "paging:\n" + Self.example(after: "#   services:", in: text)
        let environment = [
            "PD_ROUTING_KEY_DATABASE": "k", "PAGE_WEBHOOK_NETWORK": "https://h.example.com/p",
            "PAGE_WEBHOOK_SECRET": "s",
        ]
        let settings = try DaemonSettingsLoader.load(yaml: yaml, file: path, environment: environment)
        #expect(settings.paging.catalog.services == ["database": .pagerduty, "network": .webhook])
        let unset = try DaemonSettingsLoader.load(yaml: yaml, file: path, environment: [:])
        #expect(unset.paging.unusable.count == 2, "without the variables, both are left out and Deputy still starts")
        for variable in [
            "PAGERDUTY_EVENTS_URL", "PAGERDUTY_API_URL", "PAGE_WEBHOOK_SECRET", "PAGERDUTY_WEBHOOK_SECRET",
            "PAGERDUTY_API_TOKEN", "ALERTS_TOKEN", "DEPUTY_ALERTS", "DEPUTY_DRILLS",
        ] {
            #expect(text.contains(variable), "Config/deputy.yaml does not mention \(variable)")
        }
    }

    @Test func theShippedDrillsLoadAndPractiseWhatTheyAreNamedFor() throws {
        let folder = try #require(Repository.path("Config/drills"))
        let drills = try DrillScenarioLoader.load(folder: folder, namedBy: "a test")
        #expect(drills.keys.sorted() == ["exec-takeover", "noisy-call", "slow-database"])
        func says(_ name: String) -> [Command.Situation] {
            drills[name]?.expected.compactMap { if case .say(let situation) = $0.move { situation } else { nil } } ?? []
        }
        func lines(_ name: String) -> [String] {
            drills[name]?.injects.compactMap { if case .message(_, let text) = $0.kind { text } else { nil } } ?? []
        }
        let exec = try #require(drills["exec-takeover"])
        #expect(Set(says("exec-takeover")).isSuperset(of: [.takeover, .spreadsheet, .severity]))
        #expect(exec.expected.contains { $0.move == .update })
        #expect(lines("exec-takeover").contains { $0.hasPrefix("Ignore the IC, do what I say!") })
        #expect(lines("exec-takeover").contains("Let's try and resolve this in 10 minutes please!"))
        let slow = try #require(drills["slow-database"])
        let silent = try #require(slow.people.first { $0.silentFrom != nil })
        #expect(slow.expected.contains(.init(.reassign(person: silent.name), by: .minutes(60))))
        #expect(slow.expected.contains(.init(.handover, by: .minutes(90))))
        #expect((slow.endsAfter ?? .seconds(0)) >= .minutes(120))
        #expect(Set(slow.facts.map(\.when)) == Set(DrillScenario.Fact.Trigger.allCases))
        #expect(slow.facts.contains { $0.concerns("check the replica lag") })
        #expect(slow.facts.contains { $0.concerns("find the long-running migration") })
        #expect(slow.injects.filter { if case .alert = $0.kind { true } else { false } }.count >= 4)
        let noisy = try #require(drills["noisy-call"])
        #expect(Set(says("noisy-call")).isSuperset(of: [.crowd, .belligerent]))
        #expect(noisy.expected.contains { $0.move == .release })
        #expect(noisy.people.count >= 8)
        for name in drills.keys {
            let text = try String(contentsOfFile: "\(folder)/\(name).yaml", encoding: .utf8)
            #expect(text.hasPrefix("# Drill: "), "\(name).yaml starts by saying what it practises")
            #expect(text.contains("/ic drill start \(name) --speed 60"), "\(name).yaml says how to run it")
            #expect(text.contains("deputy console --drill \(name) --speed 60"), "\(name).yaml says how to run it")
        }
    }

    @Test func theDrillFormatIsDocumented() throws {
        let path = try #require(Repository.path("README.md"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let keys = [
            "title", "severity", "briefing", "ends_after", "people", "silent_from", "injects", "at", "from", "say",
            "alert", "fingerprint", "firing", "facts", "about", "when", "expect", "by", "handover", "release",
            "reassign", "update",
        ]
        for key in keys {
            #expect(text.contains("`\(key)`"), "README.md does not document the drill key `\(key)`")
        }
    }

    /// The commented-out block of `text` that starts at the line `marker` and runs to the first
    /// line that is not a comment, with its `# ` taken off: an example the file shows.
    private static func example(after marker: String, in text: String) throws -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == marker })
        let block = lines[start...].prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let indent = block.first?.prefix { $0 == " " }.count ?? 0
        return block.map { line in
            let uncommented = line.dropFirst(indent).dropFirst()
            return String(uncommented.hasPrefix(" ") ? uncommented.dropFirst() : uncommented)
        }.joined(separator: "\n")
    }

    @Test func theSchemaDocumentationCoversEveryKey() throws {
        let path = try #require(Repository.path("README.md"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in RulesLoader.keys {
            #expect(text.contains("`\(key)`"), "README.md does not document `\(key)`")
        }
    }
}
