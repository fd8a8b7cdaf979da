import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("The practice report")
struct PracticeReportTests {
    static let now = Fixtures.start.addingTimeInterval(12 * 24 * 3600)

    static func report(
        _ since: String = "90d", channel: String? = nil, rules: Rules = Rules()
    ) throws
        -> PracticeReport
    {
        let window = try #require(PracticeReport.Window(parsing: since))
        return PracticeReport(
            incidents: ScriptedDesk.practiceRun().incidents.map(\.incident),
            query: PracticeReport.Query(window: window, channel: channel), names: [ScriptedDesk.otherChannel: "ops"],
            rules: rules, now: now)
    }

    @Test(
        "a window reads days and weeks past Span's week, and writes itself in one unit",
        arguments: [
            ("90d", "90d"), ("90 days", "90d"), ("2w", "14d"), ("1 week", "7d"), ("8d", "8d"), ("36h", "36h"),
            ("1h30m", "90m"), ("3650d", "3650d"), ("45s", "45s"),
        ])
    func window(_ text: String, _ written: String) throws {
        let window = try #require(PracticeReport.Window(parsing: text))
        #expect(window.description == written)
        #expect(PracticeReport.Window(parsing: written) == window)
    }

    @Test(
        "a window refuses nothing, zero, too long and words", arguments: ["", "0d", "3651d", "90", "3mo", "d", "-1d"])
    func badWindow(_ text: String) {
        #expect(PracticeReport.Window(parsing: text) == nil)
    }

    @Test("rows: the closed incidents, oldest close first, the drill marked, each scored")
    func rows() throws {
        let report = try Self.report()
        #expect(report.rows.map(\.id) == [IncidentID(1), IncidentID(2), IncidentID(3)])
        #expect(report.rows.map(\.drill) == [false, false, true])
        #expect(report.rows.map(\.channel) == [Fixtures.channel, ScriptedDesk.otherChannel, Fixtures.channel])
        #expect(report.rows.map(\.title) == ["card payments failing", "db down", "failover practice"])
        let incidents = ScriptedDesk.practiceRun().incidents.map(\.incident)
        for row in report.rows {
            let incident = try #require(incidents.first { $0.id == row.id })
            #expect(row.score == incident.practiceScore(at: Self.now, rules: Rules()))
            #expect(row.closedAt == incident.closedAt)
        }
        #expect(report.rows[1].score.measures.map(\.kind) == [.commander])
        #expect(report.rows[1].total == 100)
    }

    @Test("trends: each measure scored anywhere, its share per row, nil where it was not measured")
    func trends() throws {
        let report = try Self.report()
        let kinds = report.trends.map(\.kind)
        #expect(kinds.first == .commander)
        #expect(kinds == PracticeMeasure.Kind.allCases.filter { kinds.contains($0) })
        let commander = try #require(report.trends.first)
        #expect(commander.shares == [1, 1, 0])
        #expect(commander.first == 1 && commander.last == 0 && commander.count == 3)
        #expect(commander.sparkline == "██▁")
        for trend in report.trends {
            #expect(trend.shares.count == 3)
            #expect(trend.shares[1] == nil || trend.kind == .commander)
        }
        let acknowledgements = try #require(report.trends.first { $0.kind == .acknowledgements })
        #expect(acknowledgements.sparkline.count == 3)
        #expect(Array(acknowledgements.sparkline)[1] == "·")
    }

    @Test("since: a close before the window is left out; an active incident always is")
    func since() throws {
        #expect(try Self.report("5d").rows.map(\.id) == [IncidentID(3)])
        #expect(try Self.report("1d").rows.isEmpty)
        #expect(try Self.report("1d").trends.isEmpty)
        #expect(try Self.report("3650d").rows.map(\.id) == [IncidentID(1), IncidentID(2), IncidentID(3)])
    }

    @Test(
        "channel: by id, key or name, with or without #, any case",
        arguments: [
            ("C2", [2]), ("test/T1/C2", [2]), ("ops", [2]), ("#Ops", [2]), ("C1", [1, 3]), ("#C1", [1, 3]),
            ("nowhere", []), ("T1", []), ("  ", [1, 2, 3]),
        ])
    func channel(_ channel: String, _ ids: [Int]) throws {
        #expect(try Self.report(channel: channel).rows.map(\.id.number) == ids)
    }

    @Test("the lines: a header, a row per incident with a dash for no score, and a trend per measure")
    func lines() throws {
        var rules = Rules()
        rules.practice.weights[.commander] = 0
        let report = try Self.report(rules: rules)
        #expect(report.rows[1].total == nil)
        let query = PracticeReport.Query(window: .default)
        let lines = report.lines(query: query, now: Self.now, calendar: TeamCalendar(), measureNames: [:])
        #expect(lines.first?.key == .reportHeader)
        #expect(lines.map(\.key).filter { $0 == .reportRow } == [.reportRow, .reportRow])
        #expect(lines.map(\.key).contains(.reportRowDrill))
        #expect(lines[2].values["score"] == .lines([Line(.reportScoreNone)]))
        #expect(lines.filter { $0.key == .reportTrend }.count == report.trends.count)
        #expect(!report.trends.contains { $0.kind == .commander })
        #expect(PracticeReport.shortened(String(repeating: "x", count: 60)).count == PracticeReport.titleLength)
    }
}
