import Crypto
import DeputyChat
import DeputyCore
import Foundation

/// The generic page webhook: a signed JSON POST to a URL, for pagers and tools other than
/// PagerDuty. The receiver checks `X-Deputy-Signature` against the body with the shared secret.
public enum PageWebhook {
    /// The header that carries the body's signature.
    public static let signatureHeader = "X-Deputy-Signature"

    /// The most a 400's reason quotes from the receiver's answer.
    public static let quotedBodyLimit = 200

    /// The body posted for `page`: compact JSON with sorted keys and exactly these keys:
    /// `incident` (`INC-7`), `severity` (as given: the severity the receiver is told, `SEV-1`
    /// unless the rules map it), `title`, `service`, `message` (null when none), `paged_by` (the
    /// pager's display name, or null), `link` (or null) and `action` (`trigger` or `resolve`).
    public static func body(for page: PageRequest, severity: String, link: String?) -> Data {
        let message = Message(
            incident: page.incident.description, severity: severity, title: page.title, service: page.service,
            message: page.message, pagedBy: PagerDutyEvents.shown(page.pagedBy), link: link,
            action: page.action.rawValue)
        return (try? SortedJSON.data(message)) ?? Data("{}".utf8)
    }

    /// The `X-Deputy-Signature` value for `body`: `sha256=` and the lowercase hex HMAC-SHA256 of
    /// the body, keyed with the secret's UTF-8 bytes.
    public static func signature(of body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + Hex.string(code)
    }

    /// What the receiver's answer means for the outbox: 2xx delivered; 408, 429 and 5xx retried
    /// (after `Retry-After` when given); anything else a dead letter, a 400's reason quoting up to
    /// 200 characters of a text body. `headers` may have names in any case.
    public static func verdict(status: Int, headers: [String: String], body: Data) -> DeliveryVerdict {
        var lowercased: [String: String] = [:]
        for (name, value) in headers { lowercased[name.lowercased()] = value }
        let verdict = DeliveryVerdict.fromHTTPStatus(status, headers: lowercased)
        guard status == 400, let quoted = quote(body) else { return verdict }
        return .permanent(reason: "HTTP 400: \(quoted)", notInChannel: false)
    }

    /// Up to `quotedBodyLimit` characters of a UTF-8 body, control characters (line breaks
    /// among them) as spaces, or nil if the body is empty or not text.
    static func quote(_ body: Data) -> String? {
        guard let text = String(data: body, encoding: .utf8), !text.unicodeScalars.contains("\0") else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        let line = String(scalars).trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return nil }
        return String(line.prefix(quotedBodyLimit))
    }

    /// The posted JSON; nil fields are written as null.
    private struct Message: Encodable {
        var incident: String
        var severity: String
        var title: String
        var service: String
        var message: String?
        var pagedBy: String?
        var link: String?
        var action: String

        enum CodingKeys: String, CodingKey {
            case incident, severity, title, service, message, link, action
            case pagedBy = "paged_by"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(incident, forKey: .incident)
            try container.encode(severity, forKey: .severity)
            try container.encode(title, forKey: .title)
            try container.encode(service, forKey: .service)
            try container.encode(message, forKey: .message)
            try container.encode(pagedBy, forKey: .pagedBy)
            try container.encode(link, forKey: .link)
            try container.encode(action, forKey: .action)
        }
    }
}
