import CurlHTTP
import DeputyCore
import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyDaemon
@testable import DeputyStore

/// A store that refuses writes (as a full disk does), over HTTP: commands get the private "can't
/// record this" answer and change nothing, /healthz says 503, and both recover on their own once
/// writing works again.
@Suite("The daemon, live: a store that refuses writes")
struct RefusedWritesLiveTests {
    static func setQueryOnly(_ on: Bool, _ live: LiveDaemon) async throws {
        try await live.daemon.sqlite.run { store in
            try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = \(on ? 1 : 0)") }
        }
    }

    static func text(_ response: HTTPClientResponse) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        return object["text"] as? String ?? ""
    }

    @Test func refusedThenRecovered() async throws {
        try await LiveDaemon.running(slack: true) { live in
            let declared = try await live.command("declare checkout is slow sev2")
            #expect(Self.text(declared).hasPrefix("Incident declared"))
            #expect(try await live.request("GET", "/healthz").status == 200)
            let events = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.eventCount }

            try await Self.setQueryOnly(true, live)
            #expect(try await live.request("GET", "/healthz").status == 503)
            let refused = try await live.command("note the pool is exhausted")
            #expect(refused.status == 200)
            #expect(Self.text(refused).contains("can't record"), "\(Self.text(refused))")
            let eventsWhileRefused = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.eventCount }
            #expect(eventsWhileRefused == events, "nothing recorded")

            try await Self.setQueryOnly(false, live)
            #expect(try await live.request("GET", "/healthz").status == 200)
            let noted = try await live.command("note the pool is exhausted")
            #expect(!Self.text(noted).contains("can't record"))
            let eventsAfter = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.eventCount }
            #expect((eventsAfter ?? 0) > (events ?? 0), "recording again on its own")
        }
    }

    @Test(
        "a full disk: the command that needs room gets the private answer, /healthz 503, and both recover",
        .enabled(if: SmallDisk.canMount, "needs root and a sandbox that lets it mount a tmpfs"))
    func fullDiskThenRoom() async throws {
        let disk = try SmallDisk(megabytes: 4)
        try await LiveDaemon.running(slack: true, database: disk.file("deputy.sqlite")) { live in
            #expect(Self.text(try await live.command("declare checkout is slow sev2")).hasPrefix("Incident declared"))
            #expect(try await live.request("GET", "/healthz").status == 200)
            let events = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.eventCount }
            // A note long enough to need pages the write-ahead log has never had.
            let long = "note " + String(repeating: "the pool is exhausted on every replica ", count: 600)

            // Empty the write-ahead log first: SQLite reuses a log's space once it is checkpointed,
            // and a write that fits in it needs no disk at all.
            try await live.daemon.sqlite.run { store in
                try store.writer.writeWithoutTransaction { db in
                    _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
            }
            try disk.fill()
            #expect(try await live.request("GET", "/healthz").status == 503)
            let refused = try await live.command(long)
            #expect(refused.status == 200)
            #expect(Self.text(refused).contains("can't record"), "\(Self.text(refused))")
            let eventsWhileFull = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.eventCount }
            #expect(eventsWhileFull == events, "nothing recorded")

            try disk.release()
            #expect(try await live.request("GET", "/healthz").status == 200)
            let noted = try await live.command(long)
            #expect(!Self.text(noted).contains("can't record"), "\(Self.text(noted))")
            let eventsAfter = try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.eventCount }
            #expect(eventsAfter == (events ?? 0) + 1, "recording again on its own")
        }
    }
}
