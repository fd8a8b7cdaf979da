import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    public func latestIncidentPerChannel() async throws -> [(channel: ChannelKey, incident: IncidentID)] {
        var latest: [(channel: ChannelKey, incident: IncidentID)] = []
        let rows = try await client.query(
            "SELECT MAX(id), platform, team, channel FROM incident GROUP BY platform, team, channel", logger: logger)
        for try await (id, platform, team, channel) in rows.decode((Int, String, String, String).self) {
            latest.append((ChannelKey(platform: platform, team: team, channel: channel), IncidentID(id)))
        }
        return latest
    }

    public func nextDeadlines() async throws -> [(incident: IncidentID, at: Date)] {
        var deadlines: [(incident: IncidentID, at: Date)] = []
        let rows = try await client.query(
            "SELECT id, next_deadline FROM incident WHERE next_deadline IS NOT NULL ORDER BY next_deadline, id",
            logger: logger)
        for try await (id, at) in rows.decode((Int, Double).self) {
            deadlines.append((IncidentID(id), Date(timeIntervalSince1970: at)))
        }
        return deadlines
    }

    public func maxIncidentNumber() async throws -> Int {
        for try await highest in try await client.query(
            "SELECT COALESCE(MAX(id), 0)::bigint FROM incident", logger: logger
        ).decode(Int.self) {
            return highest
        }
        return 0
    }

    public func latestIncidentHead(in channel: ChannelKey) async throws -> (incident: IncidentID, eventCount: Int)? {
        let rows = try await client.query(
            """
            SELECT id, event_count::bigint FROM incident
            WHERE platform = \(channel.platform) AND team = \(channel.team) AND channel = \(channel.channel)
            ORDER BY id DESC LIMIT 1
            """, logger: logger)
        for try await (id, count) in rows.decode((Int, Int).self) { return (IncidentID(id), count) }
        return nil
    }

    public func latestIncident(in channel: ChannelKey) async throws -> Incident? {
        guard let head = try await latestIncidentHead(in: channel) else { return nil }
        return try await loadIncidents(where: .ids([head.incident])).first
    }

    public func records(of id: IncidentID, after seq: Int) async throws -> [IncidentRecord] {
        let rows = try await client.query(
            "SELECT seq, at, actor, event FROM event WHERE incident_id = \(id.number) AND seq > \(seq) ORDER BY seq",
            logger: logger)
        let coder = StoreCoder()
        var records: [IncidentRecord] = []
        for try await (seq, at, actor, event) in rows.decode((Int, Double, String?, String).self) {
            let what = "event \(seq) of \(id)"
            records.append(
                IncidentRecord(
                    at: Date(timeIntervalSince1970: at),
                    actor: try actor.map { try coder.decode(User.self, from: $0, what: what) },
                    event: try coder.decode(IncidentEvent.self, from: event, what: what)))
        }
        return records
    }

    public func log(of id: IncidentID) async throws -> (channel: ChannelKey, records: [IncidentRecord])? {
        guard let channel = try await channel(of: id) else { return nil }
        return (channel, try await records(of: id, after: 0))
    }

    public func loadIncidents(where filter: IncidentFilter) async throws -> [Incident] {
        let rows: PostgresRowSequence
        switch filter {
        case .all:
            rows = try await client.query(
                "SELECT id, platform, team, channel FROM incident ORDER BY id", logger: logger)
        case .active:
            rows = try await client.query(
                "SELECT id, platform, team, channel FROM incident WHERE status = 'active' ORDER BY id", logger: logger)
        case .live:
            rows = try await client.query(
                """
                SELECT id, platform, team, channel FROM incident AS i
                WHERE status = 'active' OR next_deadline IS NOT NULL
                OR id = (SELECT MAX(l.id) FROM incident AS l
                    WHERE l.platform = i.platform AND l.team = i.team AND l.channel = i.channel)
                ORDER BY id
                """, logger: logger)
        case .ids(let ids):
            let numbers = ids.map(\.number)
            rows = try await client.query(
                "SELECT id, platform, team, channel FROM incident WHERE id = ANY(\(numbers)) ORDER BY id",
                logger: logger)
        }
        var found: [(IncidentID, ChannelKey)] = []
        for try await (id, platform, team, channel) in rows.decode((Int, String, String, String).self) {
            found.append((IncidentID(id), ChannelKey(platform: platform, team: team, channel: channel)))
        }
        var incidents: [Incident] = []
        for (id, channel) in found {
            incidents.append(Incident.fold(id: id, channel: channel, records: try await records(of: id, after: 0)))
        }
        return incidents
    }

    private func channel(of id: IncidentID) async throws -> ChannelKey? {
        let rows = try await client.query(
            "SELECT platform, team, channel FROM incident WHERE id = \(id.number)", logger: logger)
        for try await (platform, team, channel) in rows.decode((String, String, String).self) {
            return ChannelKey(platform: platform, team: team, channel: channel)
        }
        return nil
    }
}
