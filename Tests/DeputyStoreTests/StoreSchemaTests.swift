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
        let tables = ["incident", "event", "outbox", "seen_request", "meta", "channel_name"]
        let missing = try store.writer.read { db in try tables.filter { try !db.tableExists($0) } }
        #expect(applied == ["v1", "v2-channel-names"])
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
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 2)
    }

    @Test("a file an older Deputy wrote (v1 only) is migrated on open and keeps its data")
    func olderFileIsMigrated() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deputy.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try DeputyStore.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
            }
        }
        let store = try DeputyStore.open(path: path)
        let applied = try store.writer.read { db in try DeputyStore.migrator.appliedMigrations(db) }
        #expect(applied == ["v1", "v2-channel-names"])
        #expect(try store.writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta") } == "yes")
        #expect(try store.channelNames().isEmpty)
    }

    @Test("a channel's name is kept, replaced when it changes, and read back per channel")
    func channelNames() throws {
        let store = try DeputyStore.inMemory()
        let incident = ChannelKey(platform: "mattermost", team: "t1", channel: "c1")
        let other = ChannelKey(platform: "mattermost", team: "t2", channel: "c1")
        try store.rememberChannelName("incident", for: incident)
        try store.rememberChannelName("ops", for: other)
        try store.rememberChannelName("incident-42", for: incident)
        #expect(try store.channelNames() == [incident: "incident-42", other: "ops"])
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
