import DeputyCore
import Foundation
import GRDB

extension DeputyStore {
    /// The incidents `filter` selects, each rebuilt by folding its whole log, in id order.
    public func loadIncidents(where filter: IncidentFilter) throws -> [Incident] {
        try writer.read { db in
            let (condition, arguments) = Self.sql(for: filter)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM incident WHERE \(condition) ORDER BY id", arguments: arguments)
            let coder = StoreCoder()
            return try rows.map { try Self.fold($0, in: db, coder: coder) }
        }
    }

    /// One incident, rebuilt from its log; nil if there is none with this id.
    public func incident(_ id: IncidentID) throws -> Incident? {
        try loadIncidents(where: .ids([id])).first
    }

    /// The latest incident declared in `channel`, whatever its status: where the channel's
    /// commands go.
    public func latestIncident(for channel: ChannelKey) throws -> Incident? {
        try writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: "SELECT * FROM incident WHERE platform = ? AND team = ? AND channel = ? ORDER BY id DESC LIMIT 1",
                arguments: [channel.platform, channel.team, channel.channel])
            return try row.map { try Self.fold($0, in: db, coder: StoreCoder()) }
        }
    }

    /// A channel's latest incident and how many events its log holds, from its row alone.
    public func latestIncidentHead(for channel: ChannelKey) throws -> (incident: IncidentID, eventCount: Int)? {
        try writer.read { db in
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT id, event_count FROM incident WHERE platform = ? AND team = ? AND channel = ? "
                        + "ORDER BY id DESC LIMIT 1"),
                arguments: [channel.platform, channel.team, channel.channel])
            return try row.map {
                (
                    IncidentID(try $0.decode(Int.self, forColumn: "id")),
                    try $0.decode(Int.self, forColumn: "event_count")
                )
            }
        }
    }

    /// The records of an incident's log after the `seq`-th, oldest first.
    public func records(of id: IncidentID, after seq: Int) throws -> [IncidentRecord] {
        try writer.read { db in try Self.records(of: id, after: seq, in: db, coder: StoreCoder()) }
    }

    /// Each channel's latest incident, whatever its status (where the channel's commands go),
    /// from the `incident` rows alone: no log is read.
    public func latestIncidentPerChannel() throws -> [(channel: ChannelKey, incident: IncidentID)] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT MAX(id) AS id, platform, team, channel FROM incident GROUP BY platform, team, channel")
            return try rows.map { row in
                (
                    ChannelKey(
                        platform: try row.decode(String.self, forColumn: "platform"),
                        team: try row.decode(String.self, forColumn: "team"),
                        channel: try row.decode(String.self, forColumn: "channel")),
                    IncidentID(try row.decode(Int.self, forColumn: "id"))
                )
            }
        }
    }

    /// The highest incident number given so far, 0 before the first: the next is one more.
    public func maxIncidentNumber() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM incident") ?? 0 }
    }

    /// Each incident with a pending timer and when it fires, earliest first, from the
    /// projection alone (no log is read).
    public func nextDeadlines() throws -> [(incident: IncidentID, at: Date)] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, next_deadline FROM incident WHERE next_deadline IS NOT NULL ORDER BY next_deadline, id"
            )
            return try rows.map { row in
                (
                    IncidentID(try row.decode(Int.self, forColumn: "id")),
                    Date(timeIntervalSince1970: try row.decode(Double.self, forColumn: "next_deadline"))
                )
            }
        }
    }

    /// Recomputes every incident's projection (status, title, closing time, event count, next
    /// deadline) from its log alone under `rules`, in one transaction: after a crash between
    /// versions, or when the rules changed. Returns how many incidents it rebuilt.
    @discardableResult
    public func rebuildProjections(rules: Rules) throws -> Int {
        try writer.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM incident ORDER BY id")
            let coder = StoreCoder()
            for row in rows {
                let incident = try Self.fold(row, in: db, coder: coder)
                try Self.update(incident.id, to: IncidentProjection(incident, rules: rules), in: db)
            }
            return rows.count
        }
    }

    private static func sql(for filter: IncidentFilter) -> (String, StatementArguments) {
        switch filter {
        case .all:
            return ("1", [])
        case .active:
            return ("status = 'active'", [])
        case .live:
            return (
                """
                status = 'active' OR next_deadline IS NOT NULL
                OR id IN (SELECT MAX(id) FROM incident GROUP BY platform, team, channel)
                """, []
            )
        case .ids(let ids):
            guard !ids.isEmpty else { return ("0", []) }
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            return ("id IN (\(marks))", StatementArguments(ids.map(\.number)))
        }
    }

    /// The incident of an `incident` row, folded from its log.
    private static func fold(_ row: Row, in db: Database, coder: StoreCoder) throws -> Incident {
        let id = IncidentID(try row.decode(Int.self, forColumn: "id"))
        let channel = ChannelKey(
            platform: try row.decode(String.self, forColumn: "platform"),
            team: try row.decode(String.self, forColumn: "team"),
            channel: try row.decode(String.self, forColumn: "channel"))
        return Incident.fold(id: id, channel: channel, records: try records(of: id, in: db, coder: coder))
    }

    /// An incident's whole log, oldest first.
    static func records(
        of id: IncidentID, after seq: Int = 0, in db: Database, coder: StoreCoder
    ) throws -> [IncidentRecord] {
        let events = try Row.fetchCursor(
            db, sql: "SELECT seq, at, actor, event FROM event WHERE incident_id = ? AND seq > ? ORDER BY seq",
            arguments: [id.number, seq])
        var records: [IncidentRecord] = []
        while let event = try events.next() {
            let seq = try event.decode(Int.self, forColumn: "seq")
            let what = "event \(seq) of \(id)"
            let actor = try event.decode(String?.self, forColumn: "actor")
            records.append(
                IncidentRecord(
                    at: Date(timeIntervalSince1970: try event.decode(Double.self, forColumn: "at")),
                    actor: try actor.map { try coder.decode(User.self, from: $0, what: what) },
                    event: try coder.decode(
                        IncidentEvent.self, from: try event.decode(String.self, forColumn: "event"), what: what)))
        }
        return records
    }
}
