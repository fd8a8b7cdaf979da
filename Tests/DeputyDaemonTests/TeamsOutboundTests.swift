import CurlHTTP
import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import MetricsTestKit
import Testing

@testable import DeputyDaemon

/// Teams' outbound platform in isolation: which webhook, which card, which verdict, and no
/// webhook making a dead letter.
struct TeamsOutboundTests {
    static let ops = "19:ops@thread.tacv2"

    func outbound(limit: Int = TeamsEncoder.messageLimit, webhooks: [String: String]) throws -> TeamsOutbound {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        return TeamsOutbound(encoder: TeamsEncoder(phrasebook: phrasebook, limit: limit)) { webhooks[$0] }
    }

    func message(_ reply: Reply, channel: String = ops) -> OutgoingMessage {
        OutgoingMessage(
            channel: ChannelKey(platform: "teams", team: "tenant", channel: channel), incident: nil, reply: reply,
            createdAt: Fixtures.start)
    }

    @Test func aMessageIsAnAdaptiveCardPostedToItsChannelsWebhook() throws {
        let outbound = try outbound(webhooks: [Self.ops: "https://hooks.example.com/ops"])
        let reply = Reply.channel(.commandClaimed, ["user": .user(TeamsFixtures.bob)])
        let requests = outbound.requests(for: message(reply))
        #expect(requests.count == 1)
        #expect(requests.first?.url == "https://hooks.example.com/ops")
        #expect(requests.first?.method == "POST")
        #expect(requests.first?.headers.contains { $0.0 == "Content-Type" && $0.1 == "application/json" } == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(requests[0].body)) as? [String: Any])
        let card = (object["attachments"] as? [[String: Any]])?.first?["content"] as? [String: Any]
        let entities = (card?["msteams"] as? [String: Any])?["entities"] as? [[String: Any]]
        #expect((entities?.first?["mentioned"] as? [String: String])?["id"] == TeamsFixtures.bob.id)
        #expect(outbound.undeliverable(message(reply)) == nil)
    }

    @Test func aChannelWithNoWebhookIsUndeliverableSayingWhy() throws {
        let outbound = try outbound(webhooks: [:])
        let lost = message(.channel(.commandClaimed, ["user": .user(TeamsFixtures.bob)]))
        #expect(outbound.requests(for: lost).isEmpty)
        let reason = try #require(outbound.undeliverable(lost))
        #expect(reason.contains(Self.ops) && reason.contains("TEAMS_WEBHOOK_URL"))
    }

    @Test func aLongMessageIsPostedInPieces() throws {
        let outbound = try outbound(limit: 60, webhooks: [Self.ops: "https://hooks.example.com/ops"])
        let reply = Reply.channel(.decisionRecorded, ["text": .text(String(repeating: "word ", count: 40))])
        #expect(outbound.requests(for: message(reply)).count > 1)
    }

    @Test(arguments: [(202, DeliveryVerdict.delivered), (400, .permanent(reason: "HTTP 400", notInChannel: false))])
    func theVerdictIsByStatus(status: Int, verdict: DeliveryVerdict) throws {
        let response = HTTPClientResponse(status: status, headers: [:], body: [])
        #expect(try outbound(webhooks: [:]).verdict(for: response) == verdict)
        let limited = HTTPClientResponse(status: 429, headers: ["retry-after": "7"], body: [])
        #expect(
            try outbound(webhooks: [:]).verdict(for: limited) == .retry(after: 7, reason: "rate limited (HTTP 429)"))
    }

    @Test func inTheOutboxAMessageForAChannelWithNoWebhookIsADeadLetterAtOnceAndNothingIsSent() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let delivery = Delivery(
            store: SQLiteStore(store), transport: transport,
            platforms: ["teams": try outbound(webhooks: [:])], time: time, logger: Logger(label: "test"),
            metrics: TestMetrics())
        let lost = message(.channel(.commandClaimed, ["user": .user(TeamsFixtures.bob)]))
        try store.commit([
            Commit(
                at: time.now,
                messages: [Commit.Message(lost, notBefore: time.now, expiresAt: time.now.addingTimeInterval(3600))])
        ])
        await delivery.pass()
        #expect(transport.requests.isEmpty)
        #expect(try store.pendingCount() == 0)
        let dead = try #require(try store.deadLetters(limit: 10).first)
        #expect(dead.lastError?.contains("no Teams webhook for channel \(Self.ops)") == true)
    }
}
