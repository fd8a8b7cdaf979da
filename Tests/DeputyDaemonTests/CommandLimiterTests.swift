import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

@testable import DeputyDaemon

/// Per-person and per-channel command limits: bursts pass, a runaway is told privately to wait
/// and nothing it sends is recorded, and the limit refills with time.
struct CommandLimiterTests {
    let start = Fixtures.start
    let ops = ChannelKey(platform: "slack", team: "T1", channel: "C1")
    let other = ChannelKey(platform: "slack", team: "T1", channel: "C2")

    @Test func aBurstPassesThenAPersonWaitsForTheRefill() {
        var limiter = CommandLimiter(userPerMinute: 60, channelPerMinute: 0)
        for _ in 0..<10 { #expect(limiter.admit(Fixtures.alice, in: ops, at: start) == nil) }
        let wait = limiter.admit(Fixtures.alice, in: ops, at: start)
        #expect(wait == 1, "one token a second at 60 a minute")
        #expect(limiter.admit(Fixtures.hayley, in: ops, at: start) == nil, "another person is not held back")
        #expect(limiter.admit(Fixtures.alice, in: other, at: start) != nil, "the person's limit spans channels")
        #expect(limiter.admit(Fixtures.alice, in: ops, at: start.addingTimeInterval(1)) == nil)
        #expect(limiter.admit(Fixtures.alice, in: ops, at: start.addingTimeInterval(1)) != nil)
    }

    @Test func aChannelIsLimitedAcrossEveryoneInIt() {
        var limiter = CommandLimiter(userPerMinute: 0, channelPerMinute: 120)
        let people = (0..<20).map { User(id: "U\($0)", name: "u\($0)") }
        for person in people { #expect(limiter.admit(person, in: ops, at: start) == nil) }
        #expect(limiter.admit(User(id: "U99", name: "late"), in: ops, at: start) == 0.5)
        #expect(limiter.admit(User(id: "U99", name: "late"), in: other, at: start) == nil, "another channel is not")
    }

    @Test func aRefusedCommandTakesNoToken() {
        var limiter = CommandLimiter(userPerMinute: 60, channelPerMinute: 60)
        for _ in 0..<10 { #expect(limiter.admit(Fixtures.alice, in: ops, at: start) == nil) }
        // Alice is out; hayley's command in the same channel is refused by the channel's bucket
        // (also empty), and refusing takes nothing from hayley.
        #expect(limiter.admit(Fixtures.hayley, in: ops, at: start) != nil)
        #expect(limiter.admit(Fixtures.hayley, in: other, at: start) == nil)
    }

    @Test func zeroMeansNoLimit() {
        var limiter = CommandLimiter(userPerMinute: 0, channelPerMinute: 0)
        for _ in 0..<10_000 { #expect(limiter.admit(Fixtures.alice, in: ops, at: start) == nil) }
    }

    @Test func theBenchmarksSpreadPassesTheDefaults() {
        // bench/slack: 1,000 users over 50 channels at up to 2,500 commands a second.
        var limiter = CommandLimiter(userPerMinute: 300, channelPerMinute: 6_000)
        var refused = 0
        for index in 0..<25_000 {
            let at = start.addingTimeInterval(Double(index) / 2_500)
            let channel = ChannelKey(platform: "slack", team: "T1", channel: "C\(index % 50)")
            let user = User(id: "U\(index % 1_000)", name: "u")
            if limiter.admit(user, in: channel, at: at) != nil { refused += 1 }
        }
        #expect(refused == 0)
    }

    @Test func overTheLimitTheDeskAnswersPrivatelyAndRecordsNothing() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: start)
        let desk = try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: time,
            policy: .init(expiry: .hours(1)), logger: Logger(label: "test"),
            limits: (userPerMinute: 60, channelPerMinute: 0))
        let declare = InboundCommand(channel: ops, user: Fixtures.alice, text: "declare db down")
        #expect(await desk.submit(declare) != .unavailable)
        let note = InboundCommand(channel: ops, user: Fixtures.alice, text: "note looking")
        for _ in 0..<9 { _ = await desk.submit(note) }
        let events = try #require(try store.incident(IncidentID(1))).eventCount
        let refused = await desk.submit(note)
        guard case .answered(let reply?) = refused else {
            Issue.record("no answer: \(refused)")
            return
        }
        #expect(
            reply
                == .privately(
                    Fixtures.alice, .rateLimited, ["user": .user(Fixtures.alice), "wait": .duration(.seconds(1))]))
        #expect(try store.incident(IncidentID(1))?.eventCount == events, "nothing recorded")
        time.advance(by: 1)
        let later = await desk.submit(note)
        #expect(later != refused)
        #expect(try store.incident(IncidentID(1))?.eventCount == events + 1)
    }
}
