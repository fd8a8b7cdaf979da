import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The running delivery loop: a landed send reads its own channel's next message, every
/// channel's head is read again when something new is queued or a second has passed.
@Suite("Delivery's running loop: channel by channel")
struct DeliveryLoopTests {
    @Test("more channels than one read takes drain together, at most one read's worth at once, each message once")
    func pastOneRead() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let fake = FakeTransport(time: time)
        let gated = GatedTransport(inner: fake) { _ in true }
        let harness = try DeliveryHarness(transport: gated, time: time)
        let count = Delivery.channelsPerPass + 40
        let channels = (1...count).map { ChannelKey(platform: "slack", team: "T1", channel: "C\(1000 + $0)") }
        for channel in channels { try harness.enqueue("\(channel.channel) 1", in: channel) }
        for channel in channels.prefix(3) { try harness.enqueue("\(channel.channel) 2", in: channel) }
        try await harness.whileRunning {
            #expect(await Poll.until { gated.holding == Delivery.channelsPerPass }, "one read's worth at once")
            gated.open()
            #expect(await Poll.until { fake.requests.count == count }, "then the others, without waiting for a read")
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 3 })
            #expect(fake.sent.allSatisfy { $0.at == time.now })
            #expect(await Poll.until { time.sleeperCount > 0 })
            time.advance(by: 1)  // the first channels' pacing
            #expect(await Poll.until { fake.requests.count == count + 3 })
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 0 })
            for channel in channels {
                let heard = fake.requests.filter { $0.slackChannel == channel.channel }.compactMap(\.decision)
                let rounds = channels.prefix(3).contains(channel) ? [1, 2] : [1]
                #expect(heard == rounds.map { "\(channel.channel) \($0)" })
            }
        }
    }

    @Test("a message queued behind one being sent goes next, a pacing later, without a notice")
    func queuedBehindASend() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let fake = FakeTransport(time: time)
        let gated = GatedTransport(inner: fake) { $0.decision == "one" }
        let harness = try DeliveryHarness(transport: gated, time: time)
        let start = time.now
        try harness.enqueue("one")
        try await harness.whileRunning {
            #expect(await Poll.until { gated.holding == 1 })
            try harness.enqueue("two")  // queued while "one" is out, and the loop is not told
            gated.open()
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 1 })
            #expect(await Poll.until { time.sleeperCount > 0 })
            time.advance(by: 1)
            #expect(await Poll.until { fake.requests.count == 2 })
            #expect(fake.sent.map(\.request.decision) == ["one", "two"])
            #expect(fake.sent.map(\.at) == [start, start.addingTimeInterval(1)])
        }
    }

    @Test("a head that expires while it waits for its pacing is buried, and the next one goes")
    func expiresWhileWaiting() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, time: time)
        let start = time.now
        try harness.enqueue("one")
        try harness.enqueue("brief", expiresIn: 0.9)
        try harness.enqueue("three")
        try await harness.whileRunning {
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 2 })
            #expect(await Poll.until { time.sleeperCount > 0 })
            time.advance(by: 0.5)
            // Something new elsewhere: every head is read again while "brief" is still alive, so the
            // next read comes after its pacing, and after it expired.
            try harness.enqueue("elsewhere", in: DeliveryHarness.other)
            await harness.delivery.notify()
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 2 && transport.requests.count == 2 })
            #expect(await Poll.until { time.sleeperCount > 0 })
            time.advance(by: 0.5)
            #expect(await Poll.until { transport.requests.count == 3 })
            #expect(transport.sent.map(\.request.decision) == ["one", "elsewhere", "three"])
            #expect(transport.sent.last?.at == start.addingTimeInterval(1), "the pacing, no more")
            #expect(await Poll.until { (try? harness.store.deadLetters(limit: 10).count) == 1 })
            #expect(try harness.store.deadLetters(limit: 10).first?.lastError?.hasPrefix("expired") == true)
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 0 })
        }
    }

    @Test("a reply in parts goes part by part, paced, through the running loop")
    func partsThroughTheLoop() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let transport = FakeTransport(time: time)
        let harness = try DeliveryHarness(transport: transport, textLimit: 40, time: time)
        let lines = (1...3).map { Line(.decisionRecorded, ["text": .text("part \($0), kept whole")]) }
        try harness.enqueue(Reply(.channel, lines))
        try await harness.whileRunning {
            for sent in 1...3 {
                #expect(await Poll.until { transport.requests.count == sent })
                if sent < 3 {
                    #expect(await Poll.until { time.sleeperCount > 0 })
                    time.advance(by: 1)
                }
            }
            #expect(await Poll.until { (try? harness.store.pendingCount()) == 0 })
            #expect(transport.requests.compactMap(\.decision) == (1...3).map { "part \($0), kept whole" })
            #expect(await Poll.until { harness.counted("deputy_deliveries_total") == 1 }, "one message, counted once")
        }
    }
}
