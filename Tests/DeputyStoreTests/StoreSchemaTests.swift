import DeputyCore
import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyStore

@Suite("The store's schema and connection settings")
struct StoreSchemaTests {
    @Test("a new store has every migration applied, and the tables they name")
    func migrationsApplied() throws {
        let store = try DeputyStore.inMemory()
        let applied = try store.writer.read { db in try DeputyStore.migrator.appliedMigrations(db) }
        let completed = try store.writer.read { db in try DeputyStore.migrator.hasCompletedMigrations(db) }
        let tables = ["incident", "event", "outbox", "seen_request", "meta"]
        let missing = try store.writer.read { db in try tables.filter { try !db.tableExists($0) } }
        #expect(applied == ["v1"])
        #expect(completed)
        #expect(missing.isEmpty)
    }

    @Test("reopening a file keeps its data and applies no migration twice")
    func reopenKeepsData() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deputy.sqlite")
        do {
            var desk = CommittingDesk(store: try DeputyStore.open(path: path))
            try desk.say("declare db down", by: Fixtures.alice)
        }
        let store = try DeputyStore.open(path: path)
        #expect(try store.maxIncidentNumber() == 1)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 1)
    }

    @Test("a file store is in WAL mode with synchronous = FULL on the writer and the readers")
    func durabilitySettings() throws {
        let folder = try TemporaryFolder()
        let store = try DeputyStore.open(path: folder.file("deputy.sqlite"))
        let writerSync = try store.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        let readerSync = try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        let mode = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(writerSync == 2)
        #expect(readerSync == 2)
        #expect(mode == "wal")
    }

    @Test("the event log refuses updates and deletes")
    func logIsAppendOnly() throws {
        let store = try DeputyStore.inMemory()
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: Fixtures.alice)
        let count = try #require(desk.desk.incidents[IncidentID(1)]).eventCount
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE event SET at = 0") }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "DELETE FROM event") }
        }
        #expect(try store.incident(IncidentID(1))?.eventCount == count)
    }
}
