import Crypto
import Foundation

/// Checks that an interaction came from Discord: `X-Signature-Ed25519` must be the hex Ed25519
/// signature of `X-Signature-Timestamp` followed by the raw body, made with the application's
/// key, and the timestamp must be within five minutes of now, either way, against replays.
///
/// Discord sends deliberately bad signatures to check that they are refused; every failure here
/// becomes a 401 before the body is read.
public struct DiscordSignature: Sendable {
    /// The header that carries the signature, 128 hex digits.
    public static let signatureHeader = "X-Signature-Ed25519"
    /// The header that carries the request's Unix time in seconds.
    public static let timestampHeader = "X-Signature-Timestamp"
    /// How far the timestamp may be from now, in either direction, before the request is stale.
    public static let allowedSkew: TimeInterval = 300

    /// The application's public key, 32 bytes.
    private let key: [UInt8]

    /// A verifier for the application whose public key is `publicKey` (64 hex digits, as the
    /// Developer Portal shows it); nil when it is not of that form.
    public init?(publicKey: String) {
        guard publicKey.utf8.count == 64, let bytes = Hex.bytes(publicKey.utf8),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil
        else { return nil }
        self.key = bytes
    }

    /// Verifies a request given the two header values and its raw body.
    ///
    /// Throws `missingSignature` if either header is absent, `stale` if the timestamp is not a
    /// whole number of seconds within `allowedSkew` of `now`, `badSignature` if the signature
    /// is malformed or does not verify.
    public func verify(body: Data, timestamp: String?, signature: String?, now: Date) throws(DiscordError) {
        guard let timestamp, let signature, !timestamp.isEmpty, !signature.isEmpty else {
            throw .missingSignature
        }
        guard timestamp.utf8.count <= 12, timestamp.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let seconds = Int(timestamp), abs(TimeInterval(seconds) - now.timeIntervalSince1970) <= Self.allowedSkew
        else { throw .stale }
        guard signature.utf8.count == 128, let bytes = Hex.bytes(signature.utf8),
            let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key)
        else { throw .badSignature }
        var signed = Data(timestamp.utf8)
        signed.append(body)
        guard publicKey.isValidSignature(bytes, for: signed) else { throw .badSignature }
    }
}
