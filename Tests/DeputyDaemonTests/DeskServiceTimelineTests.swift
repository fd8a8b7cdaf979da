import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyTestSupport
import Foundation
import Logging
import Testing

@testable import DeputyDaemon
@testable import DeputyStore

@Suite("/ic timeline through the desk: the summary from the log, and the signed link")
struct DeskServiceTimelineTests {
    let alice = Fixtures.alice
    let carol = Fixtures.hayley

    func makeDesk(_ store: DeputyStore, _ time: ManualTimeSource) async throws -> DeskService {
        try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: time, policy: .init(expiry: .hours(1)),
            logger: Logger(label: "test"))
    }

    func command(_ user: User, _ text: String) -> InboundCommand {
        InboundCommand(channel: Fixtures.channel, user: user, text: text)
    }

    /// What `/ic timeline` answers, rendered as the console renders it.
    func answer(_ desk: DeskService, by user: User) async throws -> (reply: Reply, text: String) {
        guard case .answered(let reply?) = await desk.submit(command(user, "timeline")) else {
            throw CancellationError()
        }
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let style = RenderStyle(mention: { "@\($0.name)" }, timeZone: TimeZone(identifier: "UTC") ?? .current)
        return (reply, phrasebook.render(reply, style: style))
    }

    /// A desk with an incident declared, led and updated, 20 minutes in.
    func running(_ store: DeputyStore, _ time: ManualTimeSource) async throws -> DeskService {
        let desk = try await makeDesk(store, time)
        _ = await desk.submit(command(alice, "declare checkout is slow sev2"))
        time.advance(by: 120)
        _ = await desk.submit(command(alice, "lead"))
        time.advance(by: 600)
        _ = await desk.submit(command(alice, "update Checkout is slow for some customers; we are on it."))
        time.advance(by: 480)
        return desk
    }

    @Test("with a public address: a private summary and a link that opens the page")
    func withLink() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await running(store, time)
        let clock = ManualTimeSource(start: Fixtures.start.addingTimeInterval(1200))
        let links = TimelineLinks(
            secret: try store.linkSecret(), publicURL: "https://deputy.example.com", validFor: .hours(24 * 7),
            now: { clock.now })
        await desk.handOutTimelineLinks(links)
        let (reply, text) = try await answer(desk, by: carol)
        #expect(reply.audience == .privately(carol))
        #expect(text.contains("INC-1 · SEV-2 · checkout is slow: declared 2026"), "\(text)")
        #expect(text.contains("still active after 20 minutes; 4 entries on the timeline."), "\(text)")
        #expect(
            text.contains(
                "\nKey durations: Time to incident commander: 2 minutes, Time to first stakeholder update: "
                    + "12 minutes, Responders: 1.\n"), "\(text)")
        let url = try #require(text.split(separator: " ").last.map(String.init))
        #expect(url.hasPrefix("https://deputy.example.com/incidents/INC-1?expires="))
        let parts = try #require(TimelineLinksStub.parts(url))
        #expect(links.verify(id: parts.id, expires: parts.expires, signature: parts.sig) == IncidentID(1))
        // Asking records nothing and puts no one on the response.
        #expect(try store.incident(IncidentID(1))?.roster[carol.id] == nil)
    }

    @Test("without a public address: the summary, and where to print the timeline")
    func withoutLink() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await running(store, time)
        await desk.handOutTimelineLinks(
            TimelineLinks(secret: try store.linkSecret(), publicURL: nil, validFor: .hours(24 * 7)))
        let (_, text) = try await answer(desk, by: carol)
        #expect(text.contains("4 entries on the timeline"))
        #expect(text.contains("run deputy export INC-1 where Deputy runs"))
        #expect(!text.contains("https://"))
    }

    @Test("a desk that serves no page still sums the timeline up")
    func noPage() async throws {
        let store = try DeputyStore.inMemory()
        let desk = try await running(store, ManualTimeSource(start: Fixtures.start))
        let (_, text) = try await answer(desk, by: carol)
        #expect(text.contains("still active after 20 minutes"))
        #expect(text.contains("deputy export INC-1"))
    }
}

/// Reads a link's parts the way the link tests do.
enum TimelineLinksStub {
    static func parts(_ url: String) -> (id: String, expires: String, sig: String)? {
        guard let components = URLComponents(string: url), let items = components.queryItems,
            let expires = items.first(where: { $0.name == "expires" })?.value,
            let sig = items.first(where: { $0.name == "sig" })?.value
        else { return nil }
        return (String(components.path.dropFirst("/incidents/".count)), expires, sig)
    }
}
