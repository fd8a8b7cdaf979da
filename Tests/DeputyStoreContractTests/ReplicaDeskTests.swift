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
    func desk(_ store: PostgresStore, _ time: ManualTimeSource) async throws -> DeskService {
        try await DeskService(
            store: store, rules: Rules(), time: time, policy: .init(expiry: .hours(1)), logger: Logger(label: "test"))
    }

    func command(_ user: User, _ text: String) -> InboundCommand {
        InboundCommand(channel: Fixtures.channel, user: user, text: text)
    }

    @Test(
        "a timer both replicas hold fires once: the second waits out the first's claim, then reads its nudge",
        arguments: [false, true])
    func timerFiredOnce(secondKnowsIt: Bool) async throws {
        let address = try TestPostgres.freshDatabase()
        let firstStore = try Backend.postgres(address)
        let secondStore = try Backend.postgres(address)
        try await firstStore.whileRunning {
            try await secondStore.whileRunning {
                try await firstStore.migrate()
                let time = ManualTimeSource(start: Fixtures.start)
                let first = try await desk(firstStore, time)
                let second = try await desk(secondStore, time)
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
}
