import CurlHTTP
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The outbox drained against a fake Slack: retries, dead letters, order and pacing, all on a
/// manual clock.
@Suite("Delivery: the outbox drained in order, retried, paced and buried")
struct DeliveryTests {
    @Test("a rendered follow-up is posted once, with the bot token and the owner's mention")
    func delivered() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, time: time)
        try await harness.lapseTimebox()
        #expect(try harness.store.pendingCount() == 1)
        await harness.delivery.pass()
        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:1/api/chat.postMessage")
        #expect(request.header("Authorization") == "Bearer xoxb-test")
        #expect(request.slackChannel == "C1")
        #expect(request.slackText?.contains("<@U2>") == true)
        #expect(try harness.store.pendingCount() == 0)
        #expect(try harness.store.deadLetters(limit: 10).isEmpty)
        #expect(harness.counted("deputy_deliveries_total") == 1)
        await harness.delivery.pass()
        #expect(transport.requests.count == 1, "a delivered message is not sent again")
    }

    @Test("HTTP 429 with Retry-After waits as long as Slack asked, then delivers once")
    func retryAfter() async throws {
        let transport = FakeTransport()
        transport.script(.status(429, headers: ["Retry-After": "7"]))
        let harness = try DeliveryHarness(transport: transport)
        let start = harness.time.now
        try harness.enqueue("checkout is slow")
        await harness.delivery.pass()
        #expect(await harness.delivery.pass() == start.addingTimeInterval(7), "the next look is when Slack allows")
        harness.time.advance(by: 6.9)
        await harness.delivery.pass()
        #expect(transport.requests.count == 1, "not retried before Retry-After")
        harness.time.set(start.addingTimeInterval(7))
        await harness.delivery.pass()
        harness.time.advance(by: 60)
        await harness.delivery.pass()
        #expect(transport.requests.count == 2)
        #expect(try harness.store.pendingCount() == 0)
        #expect(harness.counted("deputy_deliveries_total") == 1)
        #expect(harness.counted("deputy_delivery_retries_total") == 1)
    }

    @Test("ok:false ratelimited is a retry after Retry-After, or a second without one")
    func slackRateLimited() async throws {
        let transport = FakeTransport()
        transport.script(
            .respond(.slackError("ratelimited", headers: ["Retry-After": "3"])), .respond(.slackError("ratelimited")))
        let harness = try DeliveryHarness(transport: transport)
        let start = harness.time.now
        try harness.enqueue("checkout is slow")
        let first = await harness.delivery.pass()
        #expect(first == start.addingTimeInterval(3), "Retry-After: 3")
        #expect(transport.requests.count == 1)
        let second = await harness.passAtWake(first)
        #expect(second == start.addingTimeInterval(4), "a second when Slack does not say")
        #expect(await harness.passAtWake(second) == nil, "nothing left to send")
        #expect(transport.requests.count == 3)
        #expect(try harness.store.pendingCount() == 0)
    }

    @Test("5xx, timeouts and lost connections back off: each wait longer, within its jitter")
    func backoff() async throws {
        let transport = FakeTransport()
        transport.script(.status(500), .curl(.timeout), .curl(.connection), .status(503))
        let harness = try DeliveryHarness(transport: transport, retry: RetryPolicy(base: 2, cap: 300))
        try harness.enqueue("checkout is slow")
        var sentAt = harness.time.now
        var wake = await harness.delivery.pass()
        var waits: [TimeInterval] = []
        for _ in 0..<4 {
            let next = try #require(wake)
            waits.append(next.timeIntervalSince(sentAt))
            sentAt = next
            wake = await harness.passAtWake(next)
        }
        #expect(transport.requests.count == 5)
        for (index, wait) in waits.enumerated() {
            let full = 2 * pow(2, Double(index))
            #expect(wait >= full / 2 && wait <= full, "attempt \(index + 1) waited \(wait)s, not \(full / 2)...\(full)")
        }
        for (earlier, later) in zip(waits, waits.dropFirst()) { #expect(later >= earlier) }
        #expect(try harness.store.pendingCount() == 0)
        #expect(harness.counted("deputy_delivery_retries_total") == 4)
    }

    @Test("channel_not_found is a dead letter, counted, never retried")
    func channelNotFound() async throws {
        let transport = FakeTransport()
        transport.script(.respond(.slackError("channel_not_found")))
        let harness = try DeliveryHarness(transport: transport)
        try harness.enqueue("checkout is slow")
        await harness.delivery.pass()
        harness.time.advance(by: 600)
        await harness.delivery.pass()
        #expect(transport.requests.count == 1)
        let dead = try harness.store.deadLetters(limit: 10)
        #expect(dead.map(\.lastError) == ["channel_not_found"])
        #expect(try harness.store.pendingCount() == 0)
        #expect(harness.counted("deputy_dead_letters_total") == 1)
    }

    @Test("not_in_channel is a dead letter, and the IC is asked once, directly, to /invite Deputy")
    func notInChannel() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time) { request in
            request.slackChannel == "C1" ? .respond(.slackError("not_in_channel")) : .respond(.slackOK)
        }
        let harness = try DeliveryHarness(transport: transport, time: time)
        try await harness.lapseTimebox()
        try harness.enqueue("a second message that cannot get through either")
        await harness.lookUpCommanders()
        for _ in 0..<4 {
            await harness.delivery.pass()
            time.advance(by: 1)
        }
        #expect(try harness.store.deadLetters(limit: 10).map(\.lastError) == ["not_in_channel", "not_in_channel"])
        let direct = transport.requests.filter { $0.slackChannel == "U1" }
        #expect(direct.count == 1, "one request to /invite, not one per lost message")
        let text = try #require(direct.first?.slackText)
        #expect(text.contains("/invite") && text.contains("<#C1>") && text.contains("<@U1>"))
        #expect(try harness.store.pendingCount() == 0)
    }

    @Test("a message still undelivered at its expiry is a dead letter, and the next one goes")
    func expiry() async throws {
        let transport = FakeTransport { request in
            request.decision == "first" ? .status(500) : .respond(.slackOK)
        }
        let harness = try DeliveryHarness(transport: transport)
        let start = harness.time.now
        try harness.enqueue("first")
        try harness.enqueue("second")
        var wake: Date? = start
        while let next = wake, next < start.addingTimeInterval(7200) { wake = await harness.passAtWake(next) }
        let reasons = try harness.store.deadLetters(limit: 10).compactMap(\.lastError)
        #expect(reasons.count == 1)
        #expect(reasons.allSatisfy { $0.hasPrefix("expired; last try: ") && $0.contains("500") }, "\(reasons)")
        #expect(transport.requests.last?.decision == "second")
        #expect(transport.requests.filter { $0.decision == "second" }.count == 1)
        #expect(try harness.store.pendingCount() == 0)
        #expect(harness.counted("deputy_dead_letters_total") == 1)
        #expect(harness.time.now < start.addingTimeInterval(3601 + 300), "the expiry was noticed when it came")
    }
}
