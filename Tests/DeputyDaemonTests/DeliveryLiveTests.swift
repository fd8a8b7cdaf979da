import CurlHTTP
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Delivery over real HTTP: the libcurl client posting to a fake Slack Web API on 127.0.0.1.
/// Only the round trips are real; every wait is on the manual clock.
@Suite("Delivery, live: libcurl to a fake Slack on 127.0.0.1")
struct DeliveryLiveTests {
    @Test("a lapsed timebox reaches Slack once, with the bot token and the owner's mention")
    func lapsedTimebox() async throws {
        try await FakeSlackAPI.serving { slack, apiURL in
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let harness = try DeliveryHarness(transport: client, apiURL: apiURL)
            try await harness.lapseTimebox()
            await harness.delivery.pass()
            #expect(slack.calls.count == 1)
            let call = try #require(slack.calls.first)
            #expect(call.method == "chat.postMessage")
            #expect(call.authorization == "Bearer xoxb-test")
            #expect(call.channel == "C1")
            #expect(call.text?.contains("<@U2>") == true, "the task owner is mentioned: \(call.text ?? "")")
            #expect(try harness.store.pendingCount() == 0)
            #expect(try harness.store.deadLetters(limit: 10).isEmpty)
        }
    }

    @Test("a 429 with Retry-After: 1 is tried again only once a second has passed, and delivered once")
    func rateLimited() async throws {
        try await FakeSlackAPI.serving { slack, apiURL in
            slack.script(
                .init(status: 429, headers: ["Retry-After": "1"], body: #"{"ok":false,"error":"ratelimited"}"#))
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let harness = try DeliveryHarness(transport: client, apiURL: apiURL)
            let start = harness.time.now
            try harness.enqueue("rolling back")
            #expect(await harness.delivery.pass() == start.addingTimeInterval(1))
            #expect(slack.calls.count == 1)
            harness.time.advance(by: 0.999)
            await harness.delivery.pass()
            #expect(slack.calls.count == 1, "not again before Retry-After")
            harness.time.set(start.addingTimeInterval(1))
            #expect(await harness.delivery.pass() == nil)
            harness.time.advance(by: 60)
            await harness.delivery.pass()
            #expect(slack.calls.count == 2)
            #expect(slack.calls.map(\.text) == Array(repeating: "Decision recorded: rolling back", count: 2))
            #expect(try harness.store.pendingCount() == 0)
            #expect(harness.counted("deputy_deliveries_total") == 1)
        }
    }

    @Test("channel_not_found is a dead letter that someone can see")
    func permanentError() async throws {
        try await FakeSlackAPI.serving { slack, apiURL in
            slack.script(.init(status: 200, body: #"{"ok":false,"error":"channel_not_found"}"#))
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let harness = try DeliveryHarness(transport: client, apiURL: apiURL)
            try harness.enqueue("rolling back")
            await harness.delivery.pass()
            harness.time.advance(by: 600)
            await harness.delivery.pass()
            #expect(slack.calls.count == 1)
            let dead = try harness.store.deadLetters(limit: 10)
            #expect(dead.map(\.lastError) == ["channel_not_found"])
            #expect(dead.first?.channel == DeliveryHarness.channel)
            #expect(try harness.store.pendingCount() == 0)
        }
    }
}
