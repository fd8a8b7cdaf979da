import CurlHTTP
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Order, pacing and independence of channels, long replies, and what survives a restart.
@Suite("Delivery: order per channel, pacing, and restarts")
struct DeliveryOrderTests {
    @Test("a channel hears its messages in order, even while the first is being retried")
    func orderPerChannel() async throws {
        let transport = FakeTransport()
        transport.script(.status(500), .status(502))
        let harness = try DeliveryHarness(transport: transport)
        try harness.enqueue("one")
        try harness.enqueue("two")
        var wake: Date? = harness.time.now
        for _ in 0..<10 { wake = await harness.passAtWake(wake) }
        #expect(transport.requests.map(\.decision) == ["one", "one", "one", "two"])
        #expect(try harness.store.pendingCount() == 0)
    }

    @Test("a channel that keeps failing holds back no other channel")
    func brokenChannelAlone() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time) { request in
            request.slackChannel == "C1" ? .respond(.json("{}", status: 503)) : .respond(.slackOK)
        }
        let harness = try DeliveryHarness(transport: transport, time: time)
        let start = time.now
        for text in ["stuck 1", "stuck 2"] { try harness.enqueue(text) }
        for text in ["a", "b", "c"] { try harness.enqueue(text, in: DeliveryHarness.other) }
        var wake: Date? = start
        while let next = wake, next < start.addingTimeInterval(10) { wake = await harness.passAtWake(next) }
        let elsewhere = transport.sent.filter { $0.request.slackChannel == "C2" }
        #expect(elsewhere.map(\.request.decision) == ["a", "b", "c"])
        #expect(elsewhere.last?.at == start.addingTimeInterval(2), "one a second, from the start")
        #expect(transport.requests.filter { $0.slackChannel == "C1" }.allSatisfy { $0.decision == "stuck 1" })
        #expect(try harness.store.pendingCount() == 2)
    }

    @Test("while one channel's send hangs, the running service keeps every other channel going")
    func hangingChannelAlone() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let fake = FakeTransport(time: time)
        let gated = GatedTransport(inner: fake) { $0.slackChannel == "C1" }
        let harness = try DeliveryHarness(transport: gated, time: time)
        let start = time.now
        try harness.enqueue("stuck")
        for text in ["a", "b", "c"] { try harness.enqueue(text, in: DeliveryHarness.other) }
        try await harness.whileRunning {
            #expect(await Poll.until { gated.holding == 1 && fake.requests.count == 1 })
            for sent in 2...3 {
                #expect(await Poll.until { time.sleeperCount > 0 })
                time.advance(by: 1)
                #expect(await Poll.until { fake.requests.count == sent }, "C2's next message, C1 still hanging")
            }
            #expect(gated.holding == 1)
            #expect(fake.sent.map(\.request.decision) == ["a", "b", "c"])
            #expect(fake.sent.map(\.at) == [start, start.addingTimeInterval(1), start.addingTimeInterval(2)])
            gated.open()
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 0 })
            #expect(fake.requests.last?.decision == "stuck")
        }
    }

    @Test("fifty channels drain together: every message goes once, in order in its channel")
    func manyChannelsDrainTogether() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, time: time)
        let channels = (1...50).map { ChannelKey(platform: "slack", team: "T1", channel: "C\(100 + $0)") }
        for round in 1...3 {
            for channel in channels { try harness.enqueue("\(channel.channel) \(round)", in: channel) }
        }
        try await harness.whileRunning {
            for sent in [50, 100, 150] {
                #expect(await Poll.until { transport.requests.count == sent }, "one round: each channel's next message")
                // Recorded: each send's pacing starts when it returned, and no later advance may race it.
                #expect(await Poll.until { (try? harness.store.pendingCount()) == 150 - sent })
                #expect(await Poll.until { time.sleeperCount > 0 })
                time.advance(by: 1)  // the channels' pacing
            }
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 0 })
            #expect(transport.requests.count == 150)
            for channel in channels {
                let heard = transport.requests.filter { $0.slackChannel == channel.channel }.compactMap(\.decision)
                #expect(heard == (1...3).map { "\(channel.channel) \($0)" })
            }
        }
    }

    @Test("the outbox depth gauge counts what waits, and reads zero as soon as nothing does")
    func depthGauge() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, time: time)
        for text in ["one", "two", "three"] { try harness.enqueue(text) }
        let depth = { try harness.gauge("deputy_outbox_depth") }
        _ = await harness.delivery.pass()
        #expect(try depth() == 3, "counted before the first send")
        time.advance(by: 1)
        _ = await harness.delivery.pass()
        #expect(try depth() == 2, "counted again, a second later")
        time.advance(by: 0.5)
        _ = await harness.delivery.pass()
        #expect(transport.requests.count == 2, "paced: the third waits")
        time.advance(by: 0.5)
        _ = await harness.delivery.pass()
        #expect(transport.requests.count == 3)
        _ = await harness.delivery.pass()  // within the second: no sweep, but no head either
        #expect(try depth() == 0)
    }

    @Test("two messages to one channel are a pacing apart; two channels are not paced together")
    func pacing() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, time: time)
        let start = time.now
        try harness.enqueue("one")
        try harness.enqueue("two")
        try harness.enqueue("elsewhere", in: DeliveryHarness.other)
        #expect(await harness.delivery.pass() == start.addingTimeInterval(1))
        #expect(Set(transport.requests.compactMap(\.decision)) == ["one", "elsewhere"], "both at once")
        time.advance(by: 0.5)
        #expect(await harness.delivery.pass() == start.addingTimeInterval(1))
        #expect(transport.requests.count == 2, "not before the pacing has passed")
        time.advance(by: 0.5)
        #expect(await harness.delivery.pass() == nil)
        #expect(transport.sent.last?.request.decision == "two")
        #expect(transport.sent.last?.at == start.addingTimeInterval(1))
    }

    @Test("a reply too long for one message goes in paced parts, and a retry repeats none")
    func longReplyInParts() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, textLimit: 40, time: time)
        let lines = (1...3).map { Line(.decisionRecorded, ["text": .text("part \($0), kept whole")]) }
        try harness.enqueue(Reply(.channel, lines))
        transport.script(.respond(.slackOK), .status(500))
        var wake: Date? = time.now
        for _ in 0..<10 { wake = await harness.passAtWake(wake) }
        let texts = transport.requests.compactMap(\.decision)
        #expect(texts == ["part 1, kept whole", "part 2, kept whole", "part 2, kept whole", "part 3, kept whole"])
        let times = transport.sent.compactMap(\.at)
        for (earlier, later) in zip(times, times.dropFirst()) { #expect(later.timeIntervalSince(earlier) >= 1) }
        #expect(try harness.store.pendingCount() == 0)
        #expect(harness.counted("deputy_deliveries_total") == 1)
    }

    @Test("after a restart the outbox goes on where it was: retries keep their time, nothing is lost")
    func restart() async throws {
        let first = FakeTransport()
        first.script(.status(503))
        let before = try DeliveryHarness(transport: first)
        let start = before.time.now
        try before.enqueue("one")
        try before.enqueue("two")
        let wake = await before.delivery.pass()
        let retryAt = try #require(try before.store.channelHeads(now: start, limit: 10).first?.notBefore)
        #expect(retryAt > start)
        #expect(wake == max(retryAt, start.addingTimeInterval(1)), "backed off, and paced")

        let second = FakeTransport()
        let after = try DeliveryHarness(transport: second, store: before.store, time: before.time)
        #expect(await after.delivery.pass() == retryAt, "the restarted service knows when to look")
        #expect(second.requests.isEmpty)
        var next: Date? = retryAt
        for _ in 0..<4 { next = await after.passAtWake(next) }
        #expect(second.requests.map(\.decision) == ["one", "two"])
        #expect(try after.store.pendingCount() == 0)
    }

    @Test("a send cut short by shutdown is no attempt: no backoff, and the message goes next")
    func shutdownIsNoAttempt() async throws {
        let transport = FakeTransport()
        transport.script(.fail(CancellationError()), .curl(.shutdown))
        let harness = try DeliveryHarness(transport: transport)
        let start = harness.time.now
        try harness.enqueue("one")
        await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await harness.delivery.pass()
        }.value
        #expect(transport.requests.count == 1)
        #expect(await harness.delivery.pass() == start.addingTimeInterval(1), "a closed client is paced, no more")
        #expect(transport.requests.count == 2)
        #expect(await harness.passAtWake(start.addingTimeInterval(1)) == nil)
        #expect(transport.requests.count == 3)
        #expect(harness.counted("deputy_delivery_retries_total") == 0)
        #expect(try harness.store.pendingCount() == 0)
    }

    @Test("a request curl refuses to send is a dead letter, not retried for an hour")
    func invalidRequest() async throws {
        let transport = FakeTransport()
        transport.script(.curl(.invalidRequest))
        let harness = try DeliveryHarness(transport: transport)
        try harness.enqueue("one")
        await harness.delivery.pass()
        #expect(try harness.store.deadLetters(limit: 10).count == 1)
        #expect(try harness.store.pendingCount() == 0)
    }
}
