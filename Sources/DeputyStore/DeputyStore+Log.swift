import DeputyCore
import GRDB

extension DeputyStore {
    /// One incident's channel and whole log, oldest first (what its timeline is built from);
    /// nil if there is no incident with this id.
    public func log(of id: IncidentID) throws -> (channel: ChannelKey, records: [IncidentRecord])? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [id.number])
            else { return nil }
            let channel = ChannelKey(
                platform: try row.decode(String.self, forColumn: "platform"),
                team: try row.decode(String.self, forColumn: "team"),
                channel: try row.decode(String.self, forColumn: "channel"))
            return (channel, try Self.records(of: id, in: db, coder: StoreCoder()))
        }
    }
}
