import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    public func channelNames() async throws -> [ChannelKey: String] {
        var names: [ChannelKey: String] = [:]
        let rows = try await client.query("SELECT platform, team, channel, name FROM channel_name", logger: logger)
        for try await (platform, team, channel, name) in rows.decode((String, String, String, String).self) {
            names[ChannelKey(platform: platform, team: team, channel: channel)] = name
        }
        return names
    }

    public func rememberChannelName(_ name: String, for channel: ChannelKey) async throws {
        try await client.query(
            """
            INSERT INTO channel_name (platform, team, channel, name)
            VALUES (\(channel.platform), \(channel.team), \(channel.channel), \(name))
            ON CONFLICT (platform, team, channel) DO UPDATE SET name = excluded.name
            """, logger: logger)
    }

    /// The secret that signs timeline links: 32 random bytes made by whichever replica asks
    /// first, kept in `meta`; every replica signs with the same.
    public func linkSecret() async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let made = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let hex = made.map { String(format: "%02x", $0) }.joined()
        try await client.query(
            "INSERT INTO meta (key, value) VALUES ('link_secret', \(hex)) ON CONFLICT (key) DO NOTHING", logger: logger)
        for try await stored in try await client.query(
            "SELECT value FROM meta WHERE key = 'link_secret'", logger: logger
        ).decode(String.self) {
            if let bytes = Self.bytes(hex: stored), bytes.count == 32 { return bytes }
        }
        throw StoreError.unreadable(what: "the link secret", reason: "it is not 32 bytes of hex")
    }

    public func pruneSeen(olderThan cutoff: Date) async throws -> Int {
        let rows = try await client.query(
            "DELETE FROM seen_request WHERE seen_at < \(cutoff.timeIntervalSince1970) RETURNING key", logger: logger)
        var count = 0
        for try await _ in rows.decode(String.self) { count += 1 }
        return count
    }

    /// The bytes a hex string spells; nil for anything else.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let pair = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(pair)
            index += 2
        }
        return bytes
    }
}
