import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@Suite("deputy report")
struct PracticeReportStoreTests {
    /// Day twelve of the practice run: INC-1 and INC-2 closed on day one, INC-3 on day ten.
    static let now = Fixtures.start.addingTimeInterval(12 * 24 * 3600)

    /// A store holding the practice run, its second channel named "ops"; returns its path.
    func seededStore(in folder: TemporaryFolder) throws -> String {
        let run = ScriptedDesk.practiceRun()
        let path = folder.file("deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        try store.commit(
            run.incidents.map { incident, records in
                Commit(
                    at: Self.now, opening: Commit.Opening(incident),
                    append: Commit.Append(records, to: incident, rules: run.desk.rules))
            })
        try store.rememberChannelName("ops", for: ScriptedDesk.otherChannel)
        return path
    }

    /// The reports on the store at `path`, opened read-only as `deputy report` opens it.
    func reports(_ path: String, rules: Rules = Rules()) throws -> IncidentReports {
        IncidentReports(
            store: SQLiteStore(try DeputyStore.openForReading(path: path)), rules: rules,
            phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")))
    }

    func query(_ since: String = "90d", channel: String? = nil) throws -> PracticeReport.Query {
        PracticeReport.Query(window: try #require(PracticeReport.Window(parsing: since)), channel: channel)
    }

    @Test("one line per closed incident, oldest first, the drill marked; then each measure's trend")
    func rowsAndTrends() async throws {
        let folder = try TemporaryFolder()
        let reports = try reports(try seededStore(in: folder))
        let text = try await reports.practice(try query(), now: Self.now)
        #expect(text == Self.fullReport)
    }

    @Test("--since keeps only the incidents closed in the window")
    func since() async throws {
        let folder = try TemporaryFolder()
        let reports = try reports(try seededStore(in: folder))
        let lines = try await reports.practice(try query("5d"), now: Self.now).split(separator: "\n")
        #expect(lines.first == "Practice scores of the incidents closed since 2026-12-06 03:00 UTC, oldest first")
        #expect(lines.filter { $0.hasPrefix("INC-") } == ["INC-3 · 2026-12-09 · drill · failover practice · 73"])
        #expect(lines.contains { $0.hasPrefix("time to a commander") && $0.hasSuffix("in 1 of 1") })
        let none = try await reports.practice(try query("1d"), now: Self.now)
        #expect(none == "No incident was closed since 2026-12-10 03:00 UTC.\n")
    }

    @Test("--channel takes a channel's id, its key or its name", arguments: ["C2", "test/T1/C2", "ops", "#OPS"])
    func channel(_ name: String) async throws {
        let folder = try TemporaryFolder()
        let reports = try reports(try seededStore(in: folder))
        let lines = try await reports.practice(try query(channel: name), now: Self.now).split(separator: "\n")
        #expect(lines.first?.hasPrefix("Practice scores of the incidents closed in \(name) since ") == true)
        #expect(lines.filter { $0.hasPrefix("INC-") } == ["INC-2 · 2026-11-29 · db down · 100"])
    }

    @Test("another channel has its own incidents, and one with none says so")
    func otherChannels() async throws {
        let folder = try TemporaryFolder()
        let reports = try reports(try seededStore(in: folder))
        let first = try await reports.practice(try query(channel: "C1"), now: Self.now)
        #expect(
            first.split(separator: "\n").filter { $0.hasPrefix("INC-") }.map { $0.prefix(5) } == ["INC-1", "INC-3"])
        let none = try await reports.practice(try query(channel: "nowhere"), now: Self.now)
        #expect(none == "No incident was closed in nowhere since 2026-09-12 03:00 UTC.\n")
    }

    @Test("an incident with nothing to measure shows a dash, and counts in no trend")
    func nothingMeasured() async throws {
        var rules = Rules()
        rules.practice.weights[.commander] = 0
        let folder = try TemporaryFolder()
        let reports = try reports(try seededStore(in: folder), rules: rules)
        let lines = try await reports.practice(try query(), now: Self.now).split(separator: "\n")
        #expect(lines.contains("INC-2 · 2026-11-29 · db down · —"))
        #expect(!lines.contains { $0.hasPrefix("time to a commander") })
        #expect(lines.contains { $0.hasPrefix("acknowledgements") && $0.hasSuffix("in 2 of 3") })
    }

    @Test("with a public address and a link secret, the page's signed link comes last")
    func link() async throws {
        let folder = try TemporaryFolder()
        let reports = try reports(try seededStore(in: folder))
        var settings = DaemonSettings()
        #expect(try await reports.practice(try query(), now: Self.now, settings: settings) == Self.fullReport)
        settings.publicURL = "https://deputy.example.com/"
        settings.links.secret = Secret("an example secret of at least 32 characters")
        let text = try await reports.practice(try query(channel: "#ops"), now: Self.now, settings: settings)
        let last = try #require(text.split(separator: "\n").last)
        let prefix = "The report as a page, until 2026-12-18 03:00 UTC: https://deputy.example.com/report?"
        #expect(last.hasPrefix(prefix + "since=90d&channel=%23ops&expires="))
        let components = try #require(URLComponents(string: String(last.dropFirst(prefix.count - 8))))
        let items = components.queryItems ?? []
        func item(_ name: String) -> String? { items.first { $0.name == name }?.value }
        let links = TimelineLinks(
            secret: Array("an example secret of at least 32 characters".utf8), publicURL: settings.publicURL,
            validFor: .hours(24 * 7), now: { Self.now })
        let verified = links.verifyReport(
            since: item("since"), channel: item("channel"), expires: item("expires"), signature: item("sig"))
        #expect(verified == (try query(channel: "#ops")))
    }

    @Test("the deputy command: report prints the report; a --since it cannot read is a usage error")
    func commandLine() throws {
        let binary = Fixtures.path(".build/debug/deputy")
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the deputy executable first")
        let folder = try TemporaryFolder()
        let settings = folder.file("deputy.yaml")
        try Data("database: \(try seededStore(in: folder))\n".utf8).write(to: URL(fileURLWithPath: settings))
        func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--config", settings]
            process.currentDirectoryURL = Fixtures.repositoryRoot
            process.environment = ["PATH": "/usr/bin:/bin"]
            let (out, err) = (Pipe(), Pipe())
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
        // The incidents close on 2026-11-29: a ten-year window holds them whatever the day today.
        let report = try run(["report", "--since", "3650d", "--channel", "#ops"])
        #expect(report.status == 0)
        #expect(report.out.contains("\nINC-2 · 2026-11-29 · db down · 100\n"))
        #expect(!report.out.contains("INC-1 "))
        let bad = try run(["report", "--since", "3mo"])
        #expect(bad.status == 64)
        #expect(bad.out.isEmpty)
        #expect(bad.err.contains("--since 3mo"))
    }

    static let fullReport = """
        Practice scores of the incidents closed since 2026-09-12 03:00 UTC, oldest first
        INC-1 · 2026-11-29 · card payments failing · 83
        INC-2 · 2026-11-29 · db down · 100
        INC-3 · 2026-12-09 · drill · failover practice · 73
        Each measure's share met, oldest to newest (· where it was not measured):
        time to a commander                ██▁  100% → 0%  in 3 of 3
        tasks with an owner and a timebox  █·█  100% → 100%  in 2 of 3
        acknowledgements                   ▅·█  50% → 100%  in 2 of 3
        follow-ups                         ▅·█  50% → 100%  in 2 of 3
        proposals decided                  █··  100% → 100%  in 1 of 3
        stakeholder updates                █··  100% → 100%  in 1 of 3

        """
}
