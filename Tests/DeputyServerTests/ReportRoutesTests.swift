import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyServer
import DeputyTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A report source over incidents held in memory.
struct FixedReports: PracticeReportSource {
    var incidents: [Incident]
    var failing = false

    func report(_ query: PracticeReport.Query, at now: Date) async throws -> PracticeReport {
        if failing { throw CancellationError() }
        return PracticeReport(incidents: incidents, query: query, names: [:], rules: Rules(), now: now)
    }
}

@Suite("The report page and its route")
struct ReportRoutesTests {
    static let now = Fixtures.start.addingTimeInterval(12 * 24 * 3600)
    static let hostile = "<script>alert(1)</script> & \"quotes\""

    /// The practice run, and a false alarm on day eleven whose title tries to run a script.
    static func incidents() -> [Incident] {
        var run = ScriptedDesk.practiceRun()
        let third = ChannelKey(platform: "test", team: "T1", channel: "C3")
        run.say("declare \(hostile) sev2", by: Fixtures.tatiana, in: third, at: 11 * ScriptedDesk.day)
        run.say("lead", by: Fixtures.tatiana, in: third, at: 11 * ScriptedDesk.day + 1)
        run.say("resolve false-alarm", by: Fixtures.tatiana, in: third, at: 11 * ScriptedDesk.day + 2)
        return run.incidents.map(\.incident)
    }

    static func page() throws -> ReportPage {
        try ReportPage(
            folder: TimelineRoutesTests.templates,
            phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")), calendar: TeamCalendar())
    }

    func app(_ clock: ManualTimeSource, source: FixedReports? = nil) throws -> some ApplicationProtocol {
        let router = Router()
        ReportRoutes(
            links: TimelineLinksTests.links(clock), page: try Self.page(),
            source: source ?? FixedReports(incidents: Self.incidents()), now: { clock.now }
        ).register(on: router)
        return Application(router: router)
    }

    /// The path and query of a report link made at the clock's time.
    static func target(_ clock: ManualTimeSource, channel: String? = nil) throws -> String {
        let window = try #require(PracticeReport.Window(parsing: "90d"))
        let link = try #require(
            TimelineLinksTests.links(clock).reportLink(for: PracticeReport.Query(window: window, channel: channel)))
        return TimelineRoutesTests.target(link.url)
    }

    @Test("the page: one table row per incident, one line per measure with a titled point per incident")
    func html() throws {
        let window = try #require(PracticeReport.Window(parsing: "90d"))
        let query = PracticeReport.Query(window: window)
        let report = PracticeReport(
            incidents: Self.incidents(), query: query, names: [:], rules: Rules(), now: Self.now)
        #expect(report.rows.count == 4)
        let html = try Self.page().render(report, query: query, now: Self.now) { "https://t.example/\($0)" }
        #expect(html.components(separatedBy: "<tr><td class=\"incident\">").count - 1 == 4)
        #expect(html.contains(#"<a href="https://t.example/INC-3" rel="noopener noreferrer">INC-3</a>"#))
        #expect(html.contains(#"<span class="drill">drill</span>"#))
        // One polyline per measure; as many points as incidents it was measured in.
        #expect(html.components(separatedBy: "<polyline ").count - 1 == report.trends.count)
        let commander = try #require(report.trends.first { $0.kind == .commander })
        #expect(commander.count == 4)
        let line = try #require(Self.polyline(of: "time_to_commander", in: html))
        #expect(line.split(separator: " ").count == 4)
        #expect(html.contains("<title>time to a commander, INC-3: 0%</title>"))
        #expect(html.contains("<title id=\"chart-title\">"))
        #expect(html.contains("<li class=\"time_to_commander\"><span class=\"swatch\"></span>time to a commander"))
        // The title someone typed is text, never markup.
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
    }

    @Test("with nothing closed in the window, the page says so and draws no chart")
    func empty() throws {
        let window = try #require(PracticeReport.Window(parsing: "1d"))
        let query = PracticeReport.Query(window: window, channel: "C9")
        let report = PracticeReport(
            incidents: Self.incidents(), query: query, names: [:], rules: Rules(), now: Self.now)
        let html = try Self.page().render(report, query: query, now: Self.now)
        #expect(html.contains("No incident was closed in C9 since 2026-12-10 03:00 UTC."))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<table"))
    }

    @Test("a signed link shows the page, for its channel only")
    func signed() async throws {
        let clock = ManualTimeSource(start: Self.now)
        let all = try Self.target(clock)
        let third = try Self.target(clock, channel: "C3")
        try await app(clock).test(.router) { client in
            try await client.execute(uri: all, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).components(separatedBy: "<tr><td").count - 1 == 4)
            }
            try await client.execute(uri: third, method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.components(separatedBy: "<tr><td").count - 1 == 1)
                #expect(html.contains("INC-5"))
            }
        }
    }

    @Test("an unsigned, forged, altered or expired link is the timeline's 404")
    func refused() async throws {
        let clock = ManualTimeSource(start: Self.now)
        let good = try Self.target(clock, channel: "C3")
        let parts = try #require(URLComponents(string: "https://x" + good)?.queryItems)
        func value(_ name: String) -> String { parts.first { $0.name == name }?.value ?? "" }
        let (expires, sig) = (value("expires"), value("sig"))
        let timeline = try #require(TimelineLinksTests.links(clock).link(for: IncidentID(1)))
        let timelineParts = try #require(TimelineLinksTests.parts(timeline.url))
        let forged = String(repeating: "0", count: 64)
        let targets = [
            "/report",
            "/report?since=90d",
            "/report?since=90d&channel=C3&expires=\(expires)",
            "/report?since=90d&channel=C3&expires=\(expires)&sig=\(forged)",
            "/report?since=90d&channel=C3&expires=\(expires)&sig=\(String(sig.reversed()))",
            "/report?since=90d&expires=\(expires)&sig=\(sig)",
            "/report?since=90d&channel=C1&expires=\(expires)&sig=\(sig)",
            "/report?since=91d&channel=C3&expires=\(expires)&sig=\(sig)",
            "/report?since=3mo&channel=C3&expires=\(expires)&sig=\(sig)",
            "/report?since=2160h&channel=C3&expires=\(expires)&sig=\(sig)",
            "/report?since=90d&channel=C3&expires=\((Int(expires) ?? 0) + 1)&sig=\(sig)",
            // A timeline link's signature opens no report.
            "/report?since=90d&expires=\(timelineParts.expires)&sig=\(timelineParts.sig)",
        ]
        let source = FixedReports(incidents: [], failing: true)
        let bodies = try await app(clock, source: source).test(.router) { client in
            var bodies: Set<String> = []
            for target in targets {
                let (status, body) = try await client.execute(uri: target, method: .get) {
                    ($0.status, String(buffer: $0.body))
                }
                #expect(status == .notFound, "\(target)")
                bodies.insert(body)
            }
            // The good link gets past the check (to a store that cannot be read), until it expires.
            try await client.execute(uri: good, method: .get) { #expect($0.status == .serviceUnavailable) }
            clock.advance(by: 7 * 24 * 3600)
            let (status, body) = try await client.execute(uri: good, method: .get) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(status == .notFound)
            bodies.insert(body)
            return bodies
        }
        #expect(bodies == ["not found\n"])
    }

    /// The `points` of the polyline in the series of `kind`.
    static func polyline(of kind: String, in html: String) -> String? {
        guard let series = html.range(of: "<g class=\"series \(kind)\">"),
            let start = html.range(of: "<polyline points=\"", range: series.upperBound..<html.endIndex),
            let end = html.range(of: "\"", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
