import Crypto
import Foundation

/// Plays Discord's part: signs interactions as Discord does, with a fixed Ed25519 key, so tests
/// can send requests the adapter must accept.
public struct DiscordSigner: Sendable {
    /// RFC 8032's first test key (section 7.1, TEST 1): its 32-byte seed.
    public static let seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
    /// Its public key, as Discord's Developer Portal would show it.
    public static let publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    /// RFC 8032's second test public key (TEST 2): a key that did not sign.
    public static let otherPublicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"

    private let seedBytes: [UInt8]

    public init(seed: String = DiscordSigner.seed) {
        var bytes: [UInt8] = []
        var index = seed.startIndex
        while index < seed.endIndex {
            let next = seed.index(index, offsetBy: 2)
            bytes.append(UInt8(seed[index..<next], radix: 16) ?? 0)
            index = next
        }
        seedBytes = bytes
    }

    /// The `X-Signature-Ed25519` value for `body` sent at `timestamp`.
    public func signature(body: Data, timestamp: String) -> String {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seedBytes),
            let signature = try? key.signature(for: Data(timestamp.utf8) + body)
        else { return "" }
        return signature.map { String(format: "%02x", $0) }.joined()
    }

    /// The two headers Discord sends with `body` at `date`.
    public func headers(body: Data, at date: Date = Date()) -> [(String, String)] {
        let timestamp = String(Int(date.timeIntervalSince1970))
        return [
            ("X-Signature-Ed25519", signature(body: body, timestamp: timestamp)), ("X-Signature-Timestamp", timestamp),
        ]
    }
}
