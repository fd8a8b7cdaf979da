import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@Suite("deputy export and deputy list")
struct TimelineExportTests {
    let utc = TimeZone(identifier: "UTC") ?? .current
    let otherChannel = ChannelKey(platform: "test", team: "T1", channel: "C2")

    func phrasebook() throws -> Phrasebook {
        try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
    }

    func checkoutTimeline() -> Timeline {
        let (_, records) = ScriptedIncident.play(ScriptedIncident.checkout)
        return Timeline(
            id: IncidentID(1), channel: Fixtures.channel, records: records,
            now: Fixtures.start.addingTimeInterval(7200))
    }

    @Test("the Markdown timeline: title, key durations, then every entry with time and elapsed")
    func markdownGolden() throws {
        let markdown = checkoutTimeline().markdown(phrasebook: try phrasebook(), timeZone: utc)
        #expect(markdown == Self.checkoutMarkdown)
    }

    @Test("the JSON timeline parses back, with every key present and nulls for the unknown")
    func jsonRoundTrip() throws {
        let timeline = checkoutTimeline()
        let data = try TimelineDocument(timeline, phrasebook: try phrasebook(), timeZone: utc).encoded()
        let document = try TimelineDocument.decode(data)
        #expect(document.incident == "INC-1")
        #expect(document.title == "card payments failing")
        #expect(document.severity == "SEV-2")
        #expect(document.status == "resolved")
        #expect(document.timeZone == utc.identifier)
        #expect(document.declaredAt == Fixtures.start)
        #expect(document.closedAt == Fixtures.start.addingTimeInterval(2130))
        #expect(document.durations.impactToDeclareSeconds == 600)
        #expect(document.durations.timeToCommanderSeconds == 120)
        #expect(document.durations.timeToFirstUpdateSeconds == 720)
        #expect(document.durations.totalSeconds == 2130)
        #expect(document.durations.responderCount == 4)
        #expect(document.durations.phases.map(\.phase) == ["mobilize", "resolve"])
        #expect(document.entries.count == timeline.entries.count)
        #expect(document.entries.map(\.elapsedSeconds) == timeline.entries.map(\.elapsed.seconds))
        let note = try #require(document.entries.first { $0.kind == "note" })
        #expect(note.text == "alice noted: error graph https://grafana.example/d/pay?from=now-1h")
        #expect(note.links == ["https://grafana.example/d/pay?from=now-1h"])
        #expect(note.actor?.id == "alice")
        let followUp = try #require(document.entries.first { $0.kind == "unanswered_nudge" })
        #expect(followUp.task == "T2")
        #expect(followUp.actor == nil)

        let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(raw["declared_at"] as? String == "2026-11-29T03:00:00Z")
        let entries = try #require(raw["entries"] as? [[String: Any]])
        #expect(
            entries.first?.keys.sorted() == [
                "actor", "at", "elapsed_seconds", "kind", "links", "proposal", "task", "text",
            ])
        #expect(entries.first?["task"] is NSNull)

        // How the response ran: the same score as /ic score, every key present.
        let score = try #require(document.score)
        #expect(score.total == 83)
        #expect(score.leftOut == ["rotation", "severity_arguments", "expected_moves"])
        let commander = try #require(score.measures.first)
        #expect(commander.kind == "time_to_commander" && commander.seconds == 120 && commander.targetSeconds == 300)
        let rawScore = try #require(raw["score"] as? [String: Any])
        let measures = try #require(rawScore["measures"] as? [[String: Any]])
        #expect(measures.last?.keys.sorted() == ["counted", "kind", "met", "seconds", "target_seconds", "weight"])
        #expect(measures.last?["seconds"] is NSNull)
    }

    /// A store holding the scripted incident (resolved, postmortem owned by hayley) and a newer
    /// active one in another channel; returns the store's path and INC-1's postmortem due date.
    func seededStore(in folder: TemporaryFolder) throws -> (path: String, due: LocalDate) {
        let script = ScriptedIncident.checkout + [(36, Fixtures.alice, "postmortem @hayley")]
        var (desk, records) = ScriptedIncident.play(script)
        let later = Fixtures.start.addingTimeInterval(40 * 60)
        let second = desk.handle(text: "declare db down", by: Fixtures.camden, in: otherChannel, at: later)
        let first = try #require(desk.incidents[IncidentID(1)])
        let opened = try #require(desk.incidents[IncidentID(2)])
        let path = folder.file("deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        try store.commit([
            Commit(
                at: later, opening: Commit.Opening(first), append: Commit.Append(records, to: first, rules: desk.rules)),
            Commit(
                at: later, opening: Commit.Opening(opened),
                append: Commit.Append(second.outcome.records, to: opened, rules: desk.rules)),
        ])
        return (path, try #require(first.postmortem?.due))
    }

    func reports(_ path: String) throws -> IncidentReports {
        IncidentReports(
            store: SQLiteStore(try DeputyStore.openForReading(path: path)), rules: Rules(), phrasebook: try phrasebook()
        )
    }

    @Test("export reads an incident's timeline from a real store, read-only")
    func exportFromStore() async throws {
        let folder = try TemporaryFolder()
        let (path, _) = try seededStore(in: folder)
        let reports = try reports(path)
        let markdown = try await reports.export(
            "INC-1", format: .markdown, now: Fixtures.start.addingTimeInterval(7200))
        #expect(markdown.hasPrefix(Self.checkoutMarkdown.prefix(while: { $0 != "\n" })))
        #expect(markdown.contains("alice named hayley owner of the postmortem."))
        let json = try await reports.export("2", format: .json, now: Fixtures.start.addingTimeInterval(50 * 60))
        let document = try TimelineDocument.decode(Data(json.utf8))
        #expect(document.incident == "INC-2")
        #expect(document.status == "active")
        #expect(document.durations.ongoing)
        #expect(document.durations.totalSeconds == 600)
    }

    @Test("an unknown incident or a bad id is an error that says which")
    func unknownIncident() async throws {
        let folder = try TemporaryFolder()
        let (path, _) = try seededStore(in: folder)
        let reports = try reports(path)
        await #expect(throws: IncidentReports.Problem.unknownIncident(IncidentID(9))) {
            try await reports.export("INC-9", format: .markdown, now: Fixtures.start)
        }
        await #expect(throws: IncidentReports.Problem.badID("checkout")) {
            try await reports.export("checkout", format: .json, now: Fixtures.start)
        }
        #expect(IncidentReports.Problem.unknownIncident(IncidentID(9)).description.contains("INC-9"))
    }

    @Test("list: one line per incident, newest first; --overdue only the overdue postmortems")
    func list() async throws {
        let folder = try TemporaryFolder()
        let (path, due) = try seededStore(in: folder)
        let reports = try reports(path)
        let soon = Fixtures.start.addingTimeInterval(3600)
        #expect(
            try await reports.list(overdueOnly: false, now: soon) == """
                INC-2 · test/T1/C2 · SEV-1 · active · declared 2026-11-29 03:40 UTC · db down
                INC-1 · test/T1/C1 · SEV-2 · resolved · declared 2026-11-29 03:00 UTC · card payments failing \
                · postmortem owner hayley, due \(due)

                """)
        #expect(try await reports.list(overdueOnly: true, now: soon) == "No postmortem is overdue.\n")
        let calendar = TeamCalendar()
        let dueDay = calendar.start(of: due)
        #expect(
            try await reports.list(overdueOnly: true, now: dueDay.addingTimeInterval(86399))
                == "No postmortem is overdue.\n")
        let overdue = try await reports.list(overdueOnly: true, now: dueDay.addingTimeInterval(86400))
        #expect(overdue.hasPrefix("INC-1 · "))
        #expect(overdue.hasSuffix("postmortem owner hayley, due \(due), OVERDUE\n"))
        #expect(overdue.split(separator: "\n").count == 1)
    }

    @Test("the deputy command: export prints, an unknown incident exits 1 with the reason on stderr")
    func commandLine() throws {
        let binary = Fixtures.path(".build/debug/deputy")
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the deputy executable first")
        let folder = try TemporaryFolder()
        let (path, _) = try seededStore(in: folder)
        let settings = folder.file("deputy.yaml")
        try Data("database: \(path)\n".utf8).write(to: URL(fileURLWithPath: settings))
        func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--config", settings]
            process.currentDirectoryURL = Fixtures.repositoryRoot
            process.environment = ["PATH": "/usr/bin:/bin"]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (
                process.terminationStatus, String(decoding: output, as: UTF8.self),
                String(decoding: errors, as: UTF8.self)
            )
        }
        let json = try run(["export", "INC-1", "--format", "json"])
        #expect(json.status == 0)
        #expect(try TimelineDocument.decode(Data(json.out.utf8)).incident == "INC-1")
        let missing = try run(["export", "INC-9"])
        #expect(missing.status == 1)
        #expect(missing.out.isEmpty)
        #expect(missing.err.contains("there is no incident INC-9"))
        let bad = try run(["export", "yesterday"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("is not an incident id"))
        let list = try run(["list"])
        #expect(list.status == 0)
        #expect(list.out.hasPrefix("INC-2 · "))
    }

    static let checkoutMarkdown = """
        # INC-1 · SEV-2 · card payments failing

        ## Key durations

        - Impact start to declare: 10 minutes (impact since 2026-11-29 02:50 UTC)
        - Time to incident commander: 2 minutes
        - Time to first stakeholder update: 12 minutes
        - Time in mobilize: 20 minutes
        - Time in resolve: 6 minutes
        - Total duration: 36 minutes
        - Responders: 4
          - alice: on the response for 36 minutes
          - tatiana: on the response for 33 minutes
          - hayley: on the response for 32 minutes
          - camden: on the response for 30 minutes

        ## How the response ran

        - Practice score: 83 out of 100.
        - Time to a commander: 2 minutes (target: 5 minutes).
        - Tasks given to one person with a timebox: 2 of 2.
        - Tasks acknowledged within 3 minutes: 1 of 2.
        - Follow-ups answered within the timebox plus 5 minutes: 1 of 2.
        - Proposals decided within the objection window plus 2 minutes: 1 of 1.
        - Stakeholder updates on cadence (every 30 minutes): 1 of 1.
        - Not scored, with nothing to measure: rotation, severity arguments, expected moves.
        - To practise next:
        - Come back to every owner when their timebox lapses: 1 of 2 follow-ups went unanswered past the timebox plus 5 minutes.

        ## Timeline

        | Time | Since declared | What happened |
        | --- | --- | --- |
        | 2026-11-29 03:00 UTC | 0 seconds | alice declared the incident as a SEV-2: card payments failing |
        | 2026-11-29 03:00 UTC | 0 seconds | alice joined the response. |
        | 2026-11-29 03:02 UTC | 2 minutes | alice took command as incident commander. |
        | 2026-11-29 03:03 UTC | 3 minutes | tatiana joined the response. |
        | 2026-11-29 03:03 UTC | 3 minutes | tatiana became the deputy. |
        | 2026-11-29 03:04 UTC | 4 minutes | hayley joined the response. |
        | 2026-11-29 03:04 UTC | 4 minutes | alice assigned T1 to hayley, timebox 10 minutes: check the payment API error rate |
        | 2026-11-29 03:05 UTC | 5 minutes | hayley acknowledged T1. |
        | 2026-11-29 03:06 UTC | 6 minutes | camden joined the response. |
        | 2026-11-29 03:06 UTC | 6 minutes | alice assigned T2 to camden, timebox 5 minutes: look at the database |
        | 2026-11-29 03:08 UTC | 8 minutes | alice noted: error graph <https://grafana.example/d/pay?from=now-1h> |
        | 2026-11-29 03:09 UTC | 9 minutes | alice recorded the customer impact, since 2026-11-29 02:50 UTC: card payments fail for some customers |
        | 2026-11-29 03:10 UTC | 10 minutes | alice started the mobilize phase. |
        | 2026-11-29 03:11 UTC | 11 minutes | The timebox of T2 lapsed and Deputy asked camden for news; no answer came. |
        | 2026-11-29 03:12 UTC | 12 minutes | tatiana sent a stakeholder update: Card payments are failing for some customers; we are investigating. |
        | 2026-11-29 03:15 UTC | 15 minutes | hayley reported on T1: errors started with the 02:45 config push |
        | 2026-11-29 03:16 UTC | 16 minutes | Deputy told the leads that camden had not answered about T2; no answer came. |
        | 2026-11-29 03:20 UTC | 20 minutes | hayley finished T1: rolled back the config |
        | 2026-11-29 03:25 UTC | 25 minutes | alice proposed P1: fail over the database to the replica |
        | 2026-11-29 03:27 UTC | 27 minutes | No objection came within the window, so P1 went ahead: fail over the database to the replica |
        | 2026-11-29 03:30 UTC | 30 minutes | alice started the resolve phase. |
        | 2026-11-29 03:32 UTC | 32 minutes | A stakeholder update fell due; none went out before the next reminder. |
        | 2026-11-29 03:35 UTC | 36 minutes | alice resolved the incident. |

        """
}
