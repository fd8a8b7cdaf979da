import Crypto
import Foundation

/// Checks that a request came from Slack: `X-Slack-Signature` must be `v0=` and the hex
/// HMAC-SHA256 of `v0:<timestamp>:<raw body>`, keyed with the app's signing secret, and
/// `X-Slack-Request-Timestamp` must be within five minutes of now, either way, against replays.
///
/// Freshness is checked against the real clock, which the caller passes in as `now`; a drill's
/// accelerated clock must never be used here.
public struct SlackSignature: Sendable {
    /// The header that carries the signature.
    public static let signatureHeader = "X-Slack-Signature"
    /// The header that carries the request's Unix time in seconds.
    public static let timestampHeader = "X-Slack-Request-Timestamp"
    /// How far the timestamp may be from now, in either direction, before the request is stale.
    public static let allowedSkew: TimeInterval = 300

    /// The signing secret's UTF-8 bytes: the HMAC key. (Crypto's `SymmetricKey` is not
    /// `Sendable`, so the key is made for each use.)
    private let secret: [UInt8]

    /// A verifier for the app whose signing secret is `signingSecret` (used as its UTF-8 bytes).
    public init(signingSecret: String) {
        self.secret = Array(signingSecret.utf8)
    }

    /// Verifies a request given its headers (names in any case) and its raw body.
    public func verify(body: Data, headers: [String: String], now: Date) throws(SlackError) {
        try verify(
            body: body,
            timestamp: HeaderLookup.value(Self.timestampHeader, in: headers),
            signature: HeaderLookup.value(Self.signatureHeader, in: headers),
            now: now)
    }

    /// Verifies a request given the two header values and its raw body.
    ///
    /// Throws `missingSignature` if either header is absent, `stale` if the timestamp is not a
    /// whole number of seconds within `allowedSkew` of `now`, `badSignature` if the signature
    /// is malformed or wrong. The digests are compared in constant time.
    public func verify(body: Data, timestamp: String?, signature: String?, now: Date) throws(SlackError) {
        guard let timestamp, let signature, !timestamp.isEmpty, !signature.isEmpty else {
            throw .missingSignature
        }
        guard timestamp.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int(timestamp),
            abs(TimeInterval(seconds) - now.timeIntervalSince1970) <= Self.allowedSkew
        else { throw .stale }
        guard let digest = Self.digest(fromHeader: signature),
            mac(body: body, timestamp: timestamp) == digest
        else { throw .badSignature }
    }

    /// The `X-Slack-Signature` value Slack would send for `body` at `timestamp`: for tests and
    /// for tools that play Slack's part.
    public func signature(body: Data, timestamp: String) -> String {
        "v0=" + Hex.string(mac(body: body, timestamp: timestamp))
    }

    /// The HMAC of the signed string, fed in parts so the body is not copied.
    private func mac(body: Data, timestamp: String) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: secret))
        hmac.update(data: Data("v0:\(timestamp):".utf8))
        hmac.update(data: body)
        return hmac.finalize()
    }

    /// The 32 bytes of a `v0=<64 hex digits>` header, or nil if it is not of that form.
    private static func digest(fromHeader header: String) -> [UInt8]? {
        let utf8 = header.utf8
        guard utf8.count == 3 + 64, utf8.starts(with: "v0=".utf8) else { return nil }
        return Hex.bytes(utf8.dropFirst(3))
    }
}
