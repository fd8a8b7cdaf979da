import DeputyCore
import DeputyDaemon
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// `deputy migrate-store`: an SQLite store copied into PostgreSQL reads back the same.
@Suite("Moving a store")
struct StoreMigrationTests {
    @Test(
        "an SQLite store copied into an empty PostgreSQL: the same incidents, logs, deadlines, pending messages and names; a non-empty target refused"
    )
    func sqliteToPostgres() async throws {
        try await Backend.sqliteFile.withStore { source in
            var desk = PortDesk(store: source)
            let script = [
                "declare checkout is slow sev2", "lead", "assign @hayley investigate the latency in 10m",
                "propose roll back", "note the replica is 40 s behind", "resolve confirm",
            ]
            for text in script {
                try await desk.say(text, by: Fixtures.alice)
                try await desk.wait(90)
            }
            let other = ChannelKey(platform: "test", team: "T1", channel: "C2")
            try await desk.say("declare queue backlog sev3", by: Fixtures.hayley, in: other)
            try await source.rememberChannelName("queue", for: other)
            let pending = try await source.pendingCount()
            #expect(pending > 0)

            try await Backend.postgres.withStore { target in
                let report = try await StoreMigration.copy(from: source, to: target, rules: desk.desk.rules, batch: 1)
                let copied = try await target.loadIncidents(where: .all)
                let original = try await source.loadIncidents(where: .all)
                #expect(report.incidents == 2 && copied.map(\.id) == original.map(\.id))
                for (mine, theirs) in zip(copied, original) {
                    #expect(mine.eventCount == theirs.eventCount && mine.tasks == theirs.tasks)
                    #expect(mine.status == theirs.status && mine.channel == theirs.channel)
                    let log = try await target.log(of: mine.id)?.records
                    let originalLog = try await source.log(of: theirs.id)?.records
                    #expect(log != nil && log == originalLog)
                }
                let deadlines = try await target.nextDeadlines()
                let originalDeadlines = try await source.nextDeadlines()
                #expect(deadlines.map(\.incident) == originalDeadlines.map(\.incident))
                #expect(deadlines.map(\.at) == originalDeadlines.map(\.at))
                let copiedPending = try await target.pendingCount()
                #expect(report.messages == pending && copiedPending == pending)
                #expect(try await target.channelNames() == [other: "queue"])
                #expect(try await target.maxIncidentNumber() == 2)
                await #expect(throws: StoreMigration.Problem.targetNotEmpty(incidents: 2, pending: pending)) {
                    try await StoreMigration.copy(from: source, to: target, rules: desk.desk.rules)
                }
            }
        }
    }
}
