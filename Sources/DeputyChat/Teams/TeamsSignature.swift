import Crypto
import Foundation

/// Checks that a request came from the team's outgoing webhook: `Authorization` must be `HMAC `
/// and the base64 HMAC-SHA256 of the raw body, keyed with the base64-decoded security token
/// Teams showed when the webhook was created.
///
/// The activity's own `timestamp` guards against replays (`checkFreshness`); it is read only
/// after the signature verifies, so nothing unverified is ever decoded.
public struct TeamsSignature: Sendable {
    /// How far an activity's timestamp may be from now, either way, before it is stale.
    public static let allowedSkew: TimeInterval = 300

    /// The decoded token: the HMAC key. (Crypto's `SymmetricKey` is not `Sendable`, so the key
    /// is made for each use.)
    private let key: [UInt8]

    /// A verifier for the webhook whose security token is `securityToken` (base64, as Teams
    /// shows it). Throws `invalidSecurityToken`, never repeating the token, if it is not base64.
    public init(securityToken: String) throws(TeamsError) {
        let trimmed = securityToken.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: trimmed), !data.isEmpty else { throw .invalidSecurityToken }
        key = Array(data)
    }

    /// Verifies `body` against the `Authorization` header's value. Throws `missingSignature`,
    /// `malformedSignature` or `badSignature`; the codes are compared in constant time.
    public func verify(body: Data, authorization: String?) throws(TeamsError) {
        guard let authorization, !authorization.isEmpty else { throw .missingSignature }
        guard authorization.utf8.count > 5, authorization.prefix(5).lowercased() == "hmac ",
            let code = Data(base64Encoded: String(authorization.dropFirst(5)).trimmingCharacters(in: .whitespaces)),
            code.count == SHA256.byteCount
        else { throw .malformedSignature }
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: SymmetricKey(data: key))
        else { throw .badSignature }
    }

    /// Throws `stale` unless `timestamp` is within `allowedSkew` of `now`, either way.
    public static func checkFreshness(of timestamp: Date, now: Date) throws(TeamsError) {
        guard abs(timestamp.timeIntervalSince(now)) <= allowedSkew else { throw .stale }
    }

    /// The `Authorization` value Teams would send for `body`: for tests and for tools that play
    /// Teams' part.
    public func authorization(for body: Data) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: key))
        return "HMAC " + Data(code).base64EncodedString()
    }
}
