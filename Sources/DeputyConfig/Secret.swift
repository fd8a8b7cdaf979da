/// A credential (a signing secret, a bot token) that can never reach a log by accident: printing,
/// interpolating, debug-printing or dumping it shows `<redacted>`, never the value.
///
/// Secrets come only from the environment (`SLACK_BOT_TOKEN`, or `SLACK_BOT_TOKEN_FILE` naming a
/// file that holds it), never from a configuration file that might be committed.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The credential itself; private so that only `value` hands it out, on purpose.
    private let storage: String

    /// Wraps `value`.
    public init(_ value: String) {
        storage = value
    }

    /// The credential in clear text. Use it only at the point where the secret itself is needed
    /// (an `Authorization` header, an HMAC key) and never put it in a message, a log or an error.
    public var value: String { storage }

    /// `<redacted>`.
    public var description: String { "<redacted>" }

    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// A mirror with no children, so `dump` and reflection show `<redacted>` and nothing else.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Whether `other` is the secret, in time that depends only on `other`'s length, so how long
    /// the comparison takes tells an attacker nothing about how much of a guess was right.
    public func matches(_ other: String) -> Bool {
        let secret = Array(storage.utf8)
        let candidate = Array(other.utf8)
        guard !secret.isEmpty else { return candidate.isEmpty }
        var difference: UInt8 = secret.count == candidate.count ? 0 : 1
        for index in candidate.indices {
            difference |= candidate[index] ^ secret[index % secret.count]
        }
        return difference == 0
    }

    /// Whether both hold the same credential, compared in constant time.
    public static func == (lhs: Secret, rhs: Secret) -> Bool {
        lhs.matches(rhs.storage)
    }
}
