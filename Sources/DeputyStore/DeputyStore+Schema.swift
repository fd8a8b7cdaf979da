import GRDB

extension DeputyStore {
    /// Every migration this build knows, in order. A shipped migration is never edited: a
    /// change to the schema is a new migration, `v2` and on.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createIncidents(db)
            try createEvents(db)
            try createOutbox(db)
            try db.create(table: "seen_request", options: .withoutRowID) { table in
                table.primaryKey("key", .text)
                table.column("seen_at", .double).notNull()
            }
            try db.create(index: "seen_request_by_time", on: "seen_request", columns: ["seen_at"])
            try db.create(table: "meta", options: .withoutRowID) { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2-channel-names") { db in
            // The names of channels, for platforms whose webhooks address a channel by name.
            try db.create(table: "channel_name", options: .withoutRowID) { table in
                table.column("platform", .text).notNull()
                table.column("team", .text).notNull()
                table.column("channel", .text).notNull()
                table.column("name", .text).notNull()
                table.primaryKey(["platform", "team", "channel"])
            }
        }
        return migrator
    }

    /// The identifiers of every migration this build knows.
    static var knownMigrations: Set<String> { Set(migrator.migrations) }

    private static func createIncidents(_ db: Database) throws {
        try db.create(table: "incident") { table in
            table.primaryKey("id", .integer)
            table.column("platform", .text).notNull()
            table.column("team", .text).notNull()
            table.column("channel", .text).notNull()
            table.column("title", .text).notNull()
            table.column("status", .text).notNull().check(sql: "status IN ('active', 'resolved', 'falseAlarm')")
            table.column("declared_at", .double).notNull()
            table.column("closed_at", .double)
            table.column("next_deadline", .double)
            table.column("event_count", .integer).notNull().defaults(to: 0)
        }
        try db.create(
            index: "incident_one_active_per_channel", on: "incident", columns: ["platform", "team", "channel"],
            options: .unique, condition: Column("status") == "active")
        try db.create(index: "incident_by_channel", on: "incident", columns: ["platform", "team", "channel", "id"])
        try db.create(
            index: "incident_by_deadline", on: "incident", columns: ["next_deadline"],
            condition: Column("next_deadline") != nil)
    }

    private static func createEvents(_ db: Database) throws {
        try db.create(table: "event", options: .withoutRowID) { table in
            table.column("incident_id", .integer).notNull().references("incident")
            table.column("seq", .integer).notNull()
            table.column("at", .double).notNull()
            table.column("actor", .text)
            table.column("event", .text).notNull()
            table.primaryKey(["incident_id", "seq"])
        }
        // The log is append-only: the database itself refuses to change or remove a record.
        try db.execute(
            sql: """
                CREATE TRIGGER event_never_updated BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER event_never_deleted BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                """)
    }

    private static func createOutbox(_ db: Database) throws {
        try db.create(table: "outbox") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("platform", .text).notNull()
            table.column("team", .text).notNull()
            table.column("channel", .text).notNull()
            table.column("incident_id", .integer)
            table.column("message", .text).notNull()
            table.column("created_at", .double).notNull()
            table.column("not_before", .double).notNull()
            table.column("attempts", .integer).notNull().defaults(to: 0)
            table.column("state", .text).notNull().check(sql: "state IN ('pending', 'delivered', 'dead')")
            table.column("last_error", .text)
            table.column("expires_at", .double).notNull()
            table.column("delivered_at", .double)
        }
        let pending = Column("state") == "pending"
        try db.create(index: "outbox_pending", on: "outbox", columns: ["not_before"], condition: pending)
        try db.create(
            index: "outbox_pending_by_channel", on: "outbox", columns: ["platform", "team", "channel", "id"],
            condition: pending)
        try db.create(
            index: "outbox_delivered", on: "outbox", columns: ["delivered_at"],
            condition: Column("state") == "delivered")
        try db.create(index: "outbox_dead", on: "outbox", columns: ["id"], condition: Column("state") == "dead")
    }
}
