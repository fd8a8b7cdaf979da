import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Metrics
import Testing

@testable import DeputyDaemon

/// The generic webhook's side of delivery: without an address a message is kept, not sent; with
/// one, the platform's answer decides as for Slack.
struct GenericOutboundTests {
    static let channel = ChannelKey(platform: "generic", team: "", channel: "general")

    func outbound(url: String?) throws -> GenericOutbound {
        GenericOutbound(encoder: GenericEncoder(phrasebook: try #require(DeliveryHarness.phrasebook)), url: url)
    }

    @Test("without an address a queued message is marked delivered at once and stays listable")
    func keptOnly() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport()
        let delivery = Delivery(
            store: SQLiteStore(store), transport: transport,
            platforms: ["generic": try outbound(url: nil)], time: time, logger: Logger(label: "test"),
            metrics: NOOPMetricsHandler.instance)
        let now = time.now
        let message = OutgoingMessage(
            channel: Self.channel, incident: IncidentID(1), reply: .channel(.decisionRecorded, ["text": .text("x")]),
            createdAt: now)
        try store.commit([
            Commit(at: now, messages: [Commit.Message(message, notBefore: now, expiresAt: now.addingTimeInterval(60))])
        ])
        await delivery.pass()
        #expect(transport.requests.isEmpty)
        #expect(try store.pendingCount() == 0)
        #expect(try store.deadLetters(limit: 10).isEmpty)
        let kept = try store.messages(platform: "generic", channel: "general", after: 0, limit: 10)
        #expect(kept.map(\.state) == [.delivered])
        #expect(try store.messages(platform: "generic", channel: "general", after: kept[0].id, limit: 10).isEmpty)
        #expect(try store.messages(platform: "generic", channel: "other", after: 0, limit: 10).isEmpty)
    }

    @Test(
        "the receiver's status decides: delivered, retried or dead",
        arguments: [
            (204, "delivered"), (200, "delivered"), (429, "retry"), (503, "retry"), (408, "retry"), (404, "dead"),
            (400, "dead"),
        ])
    func verdict(status: Int, expected: String) throws {
        let verdict = try outbound(url: "http://127.0.0.1:1/in").verdict(for: HTTPClientResponse(status: status))
        switch verdict {
        case .delivered: #expect(expected == "delivered")
        case .retry: #expect(expected == "retry")
        case .permanent: #expect(expected == "dead")
        }
    }

    @Test("a 429's Retry-After is honoured")
    func retryAfter() throws {
        let verdict = try outbound(url: "http://127.0.0.1:1/in")
            .verdict(for: HTTPClientResponse(status: 429, headers: ["Retry-After": "7"]))
        #expect(verdict == .retry(after: 7, reason: "rate limited (HTTP 429)"))
    }
}
