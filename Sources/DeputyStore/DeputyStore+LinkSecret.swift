import Foundation
import GRDB

extension DeputyStore {
    /// The `meta` key the timeline links' secret is kept under.
    static let linkSecretKey = "link_secret"

    /// The secret that signs the timeline page's links when `DEPUTY_LINK_SECRET` is not set: made
    /// of 32 random bytes the first time it is asked for and kept in `meta` (as hex), so links
    /// handed out before a restart still open after it. One transaction: two callers get the same.
    public func linkSecret() throws -> [UInt8] {
        try writer.write { db in
            if let stored = try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.linkSecretKey]),
                let bytes = Self.bytes(hex: stored), bytes.count == 32
            {
                return bytes
            }
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let hex = bytes.map { String(format: "%02x", $0) }.joined()
            try db.execute(
                sql: """
                    INSERT INTO meta (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """,
                arguments: [Self.linkSecretKey, hex])
            return bytes
        }
    }

    /// The bytes an even-length lowercase or uppercase hex string spells; nil for anything else.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
