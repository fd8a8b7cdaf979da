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

/// Timelines held in memory, by incident.
struct FixedTimelines: TimelineSource {
    var timelines: [IncidentID: Timeline]
    var failing = false

    func timeline(of id: IncidentID, at now: Date) async throws -> Timeline? {
        if failing { throw CancellationError() }
        return timelines[id]
    }
}

@Suite("The timeline page's route")
struct TimelineRoutesTests {
    static let templates = Fixtures.path("Phrasebook/templates")

    /// The scripted checkout incident, with a note that tries to run a script.
    static func timeline() -> Timeline {
        var script = ScriptedIncident.checkout
        script.insert((8.5, Fixtures.alice, "note <script>alert(1)</script> & \"quotes\""), at: 7)
        let records = ScriptedIncident.play(script).records
        return Timeline(id: IncidentID(1), channel: Fixtures.channel, records: records, now: Fixtures.start)
    }

    static func page() throws -> TimelinePage {
        try TimelinePage(
            folder: templates, phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")),
            timeZone: TimeZone(identifier: "UTC") ?? .current)
    }

    func app(_ links: TimelineLinks, source: FixedTimelines? = nil) throws -> some ApplicationProtocol {
        let router = Router()
        TimelineRoutes(
            links: links, page: try Self.page(),
            source: source ?? FixedTimelines(timelines: [IncidentID(1): Self.timeline()])
        ).register(on: router)
        return Application(router: router)
    }

    /// The path and query of a link.
    static func target(_ url: String) -> String {
        String(url.dropFirst("https://deputy.example.com".count))
    }

    @Test("a good link shows the page: durations on top, entries with their time, typed text escaped")
    func page() async throws {
        let clock = ManualTimeSource(start: Fixtures.start)
        let links = TimelineLinksTests.links(clock)
        let link = try #require(links.link(for: IncidentID(1)))
        try await app(links).test(.router) { client in
            try await client.execute(uri: Self.target(link.url), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                let html = String(buffer: response.body)
                #expect(html.contains("<h2>Key durations</h2>"))
                #expect(html.contains("Time to incident commander: 2 minutes"))
                #expect(html.contains("<li>Total duration: 36 minutes</li>"))
                #expect(html.contains("alice declared the incident as a SEV-2: card payments failing"))
                #expect(html.contains("hayley reported on T1: errors started with the 02:45 config push"))
                // Durations come before the entries.
                let durations = try #require(html.range(of: "Key durations")).lowerBound
                let declared = try #require(html.range(of: "declared the incident")).lowerBound
                #expect(durations < declared)
                // A link someone noted is a link; a script someone noted is text.
                #expect(
                    html.contains(
                        #"<a href="https://grafana.example/d/pay?from=now-1h" rel="noopener noreferrer">"#))
                #expect(!html.contains("<script>"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
                #expect(!html.lowercased().contains("<script"))
                // How the response ran, after the durations, once the incident is resolved.
                #expect(html.contains("<h2>How the response ran</h2>"))
                #expect(html.contains("<li>Practice score: 83 out of 100.</li>"))
                let score = try #require(html.range(of: "How the response ran")).lowerBound
                #expect(durations < score && score < declared)
            }
        }
    }

    @Test("while the incident is active, the page has no score")
    func noScoreWhileActive() throws {
        let records = ScriptedIncident.play(Array(ScriptedIncident.checkout.prefix(5))).records
        let active = Timeline(id: IncidentID(1), channel: Fixtures.channel, records: records, now: Fixtures.start)
        #expect(active.status == .active)
        let html = try Self.page().render(active)
        #expect(!html.contains("How the response ran"))
        #expect(html.contains("Key durations"))
    }

    @Test("every bad request is the same 404")
    func notFound() async throws {
        let clock = ManualTimeSource(start: Fixtures.start)
        let links = TimelineLinksTests.links(clock)
        let goodLink = try #require(links.link(for: IncidentID(1)))
        let good = try #require(TimelineLinksTests.parts(goodLink.url))
        let otherLink = try #require(links.link(for: IncidentID(2)))
        let otherIncident = try #require(TimelineLinksTests.parts(otherLink.url))
        let targets = [
            "/incidents/INC-1",
            "/incidents/INC-1?expires=\(good.expires)",
            "/incidents/INC-1?sig=\(good.sig)",
            "/incidents/INC-1?expires=\(good.expires)&sig=\(String(good.sig.reversed()))",
            "/incidents/INC-1?expires=\((Int(good.expires) ?? 0) + 1)&sig=\(good.sig)",
            "/incidents/INC-2?expires=\(good.expires)&sig=\(good.sig)",
            // A good link for an incident the store does not hold.
            "/incidents/INC-2?expires=\(otherIncident.expires)&sig=\(otherIncident.sig)",
            "/incidents/1?expires=\(good.expires)&sig=\(good.sig)",
            "/incidents/INC-x?expires=\(good.expires)&sig=\(good.sig)",
            "/incidents/%3Cscript%3E?expires=\(good.expires)&sig=\(good.sig)",
            "/incidents/INC-99999999999999999999999?expires=1&sig=00",
        ]
        let bodies = try await app(links).test(.router) { client in
            var bodies: Set<String> = []
            for target in targets {
                let (status, body) = try await client.execute(uri: target, method: .get) {
                    ($0.status, String(buffer: $0.body))
                }
                #expect(status == .notFound, "\(target)")
                bodies.insert(body)
            }
            // The good link works, until it expires.
            let ok = "/incidents/INC-1?expires=\(good.expires)&sig=\(good.sig)"
            try await client.execute(uri: ok, method: .get) { #expect($0.status == .ok) }
            clock.advance(by: 7 * 24 * 3600)
            let (status, body) = try await client.execute(uri: ok, method: .get) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(status == .notFound)
            bodies.insert(body)
            return bodies
        }
        #expect(bodies == ["not found\n"])
    }

    @Test("a store that cannot be read is a 503, after the link is checked")
    func unavailable() async throws {
        let clock = ManualTimeSource(start: Fixtures.start)
        let links = TimelineLinksTests.links(clock)
        let link = try #require(links.link(for: IncidentID(1)))
        try await app(links, source: FixedTimelines(timelines: [:], failing: true)).test(.router) { client in
            try await client.execute(uri: Self.target(link.url), method: .get) {
                #expect($0.status == .serviceUnavailable)
            }
            try await client.execute(uri: "/incidents/INC-1", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("a missing or broken template is a clear error naming the file")
    func templateErrors() throws {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        #expect {
            try TimelinePage(folder: "/nonexistent", phrasebook: phrasebook, timeZone: .current)
        } throws: { error in
            "\(error)".contains("/nonexistent/timeline.mustache") && "\(error)".contains("cannot read")
        }
        #expect {
            try TimelinePage(
                template: "<h1>{{title}</h1>\n{{#entries}}", file: "broken.mustache", phrasebook: phrasebook,
                timeZone: .current)
        } throws: { error in
            "\(error)".hasPrefix("broken.mustache:") && "\(error)".contains("broken")
        }
    }
}
