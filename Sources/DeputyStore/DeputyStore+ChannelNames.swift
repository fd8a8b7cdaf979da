import DeputyCore
import GRDB

extension DeputyStore {
    /// Keeps `name` as the name of `channel`, replacing the one kept before (channels are
    /// renamed).
    public func rememberChannelName(_ name: String, for channel: ChannelKey) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO channel_name (platform, team, channel, name) VALUES (?, ?, ?, ?)
                    ON CONFLICT (platform, team, channel) DO UPDATE SET name = excluded.name
                    """,
                arguments: [channel.platform, channel.team, channel.channel, name])
        }
    }

    /// Every channel name kept.
    public func channelNames() throws -> [ChannelKey: String] {
        try writer.read { db in
            var names: [ChannelKey: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT platform, team, channel, name FROM channel_name") {
                names[ChannelKey(platform: row["platform"], team: row["team"], channel: row["channel"])] = row["name"]
            }
            return names
        }
    }
}
