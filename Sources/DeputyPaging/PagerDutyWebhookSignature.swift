import Crypto
import DeputyChat
import Foundation

/// Checks that a V3 webhook delivery came from PagerDuty: `X-PagerDuty-Signature` holds one or
/// more `v1=<hex>` entries, comma-separated (several while a secret is rotated), and one of them
/// must be the hex HMAC-SHA256 of the raw body keyed with the subscription's secret, as is.
///
/// The signed material has no timestamp, so there is no replay window: de-duplicate deliveries
/// by `X-Webhook-Id` instead.
public enum PagerDutyWebhookSignature {
    /// The header that carries the signatures.
    public static let signatureHeader = "X-PagerDuty-Signature"

    /// Whether `header` holds a `v1` signature of `body` made with `secret` (its UTF-8 bytes,
    /// not base64-decoded). Entries of other versions are ignored; digests are compared in
    /// constant time. A missing or empty header, an empty body or an empty secret is never valid.
    public static func isValid(header: String?, body: Data, secret: String) -> Bool {
        guard let header, !header.isEmpty, !body.isEmpty, !secret.isEmpty else { return false }
        let code = authenticationCode(of: body, secret: secret)
        var valid = false
        for entry in header.split(separator: ",") {
            let entry = entry.trimmingCharacters(in: .whitespaces)
            guard entry.hasPrefix("v1="), let digest = Hex.bytes(entry.utf8.dropFirst(3)),
                digest.count == SHA256.byteCount
            else { continue }
            // Every entry is compared, so the time taken does not say which one matched.
            if code == digest { valid = true }
        }
        return valid
    }

    /// The `X-PagerDuty-Signature` value PagerDuty would send for `body`: for tests and for
    /// tools that play PagerDuty's part.
    public static func signature(of body: Data, secret: String) -> String {
        "v1=" + Hex.string(authenticationCode(of: body, secret: secret))
    }

    private static func authenticationCode(of body: Data, secret: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
    }
}
