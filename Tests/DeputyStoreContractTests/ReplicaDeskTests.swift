import DeputyCore
import DeputyDaemon
import DeputyPostgres
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

/// Two desks, each on its own store of one PostgreSQL database, as two replicas are.
@Suite("Desks on one PostgreSQL")
struct ReplicaDeskTests {
    let rules = Rules()

    func command(_ user: User, _ text: String) -> InboundCommand {
        InboundCommand(channel: Fixtures.channel, user: user, text: text)
    }

    @Test(
        "a timer both replicas hold fires once: the second waits out the first's claim, then reads its nudge",
        arguments: [false, true])
    func timerFiredOnce(secondKnowsIt: Bool) async throws {
        try await ReplicaPair.running(rules: rules) { first, firstStore, second, secondStore, time in
            _ = await first.submit(command(Fixtures.alice, "declare checkout is slow sev2"))
            _ = await first.submit(command(Fixtures.alice, "lead"))
            _ = await first.submit(command(Fixtures.alice, "assign @hayley check the cache in 3m"))
            if secondKnowsIt { _ = await second.submit(command(Fixtures.hayley, "status")) }
            let due = Fixtures.start.addingTimeInterval(3 * 60)
            time.set(due.addingTimeInterval(1))
            _ = await first.fireDue(IncidentID(1), at: time.now)
            time.set(due.addingTimeInterval(1.5))
            let retry = await second.fireDue(IncidentID(1), at: time.now)
            #expect(retry.map { $0 > time.now } == true)
            time.set(due.addingTimeInterval(4))
            _ = await second.fireDue(IncidentID(1), at: time.now)
            let log = try #require(try await firstStore.log(of: IncidentID(1))).records
            let followUps = log.filter { if case .nudged(.followUp) = $0.event { true } else { false } }
            #expect(followUps.count == 1, "\(followUps)")
        }
    }
}

/// An incident that moves into its room on one replica: the other finds it there, and lets the
/// channel it was declared in take the next one.
@Suite("Desks on one PostgreSQL, with rooms")
struct ReplicaRoomTests {
    let origin = Fixtures.channel
    let room = ChannelKey(platform: Fixtures.channel.platform, team: Fixtures.channel.team, channel: "CROOM")

    var rules: Rules {
        var rules = Rules()
        rules.rooms = Rooms(platforms: [Fixtures.channel.platform])
        return rules
    }

    @Test("the room opened on one replica: the other takes the room's commands to it and frees the origin")
    func roomOpenedElsewhere() async throws {
        try await ReplicaPair.running(rules: rules) { first, firstStore, second, secondStore, time in
            _ = await first.submit(InboundCommand(channel: origin, user: Fixtures.alice, text: "declare db down"))
            // The second holds it in the origin channel, then the first hears the room opened.
            _ = await second.submit(InboundCommand(channel: origin, user: Fixtures.alice, text: "status"))
            #expect(await first.report(.opened(room, name: "inc-1-db-down"), of: IncidentID(1)) == .recorded)
            _ = await second.submit(InboundCommand(channel: room, user: Fixtures.alice, text: "lead"))
            _ = await second.submit(
                InboundCommand(channel: origin, user: Fixtures.hayley, text: "declare payments are down"))
            let one = try #require(try await secondStore.log(of: IncidentID(1)))
            #expect(one.channel == room)
            #expect(one.records.contains { $0.event == .commandClaimed })
            let two = try #require(try await secondStore.log(of: IncidentID(2)))
            #expect(two.channel == origin)
        }
    }
}

/// Two desks under one set of rules, each on its own store of one fresh PostgreSQL database, as two
/// replicas are, on one manual clock.
enum ReplicaPair {
    /// Runs `body` with both desks, their stores (migrated, running) and the clock.
    static func running(
        rules: Rules,
        _ body: (
            _ first: DeskService, _ firstStore: PostgresStore, _ second: DeskService, _ secondStore: PostgresStore,
            _ time: ManualTimeSource
        ) async throws -> Void
    ) async throws {
        let address = try TestPostgres.freshDatabase()
        let firstStore = try Backend.postgres(address)
        let secondStore = try Backend.postgres(address)
        try await firstStore.whileRunning {
            try await secondStore.whileRunning {
                try await firstStore.migrate()
                let time = ManualTimeSource(start: Fixtures.start)
                func desk(_ store: PostgresStore) async throws -> DeskService {
                    try await DeskService(
                        store: store, rules: rules, time: time, policy: .init(expiry: .hours(1)),
                        logger: Logger(label: "test"))
                }
                try await body(try await desk(firstStore), firstStore, try await desk(secondStore), secondStore, time)
            }
        }
    }
}
