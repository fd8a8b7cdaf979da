import Foundation

/// Reads Slack's answer to a Web API call or a `response_url` post.
public enum SlackVerdict {
    /// Slack errors that no retry can fix: the message is a dead letter.
    public static let permanentErrors: Set<String> = [
        "channel_not_found", "not_in_channel", "invalid_auth", "not_authed", "account_inactive", "token_revoked",
        "token_expired", "is_archived", "msg_too_long", "no_text", "missing_scope", "user_not_in_channel",
        "invalid_blocks", "invalid_arguments", "restricted_action", "ekm_access_denied", "team_access_not_granted",
        "expired_url", "used_url", "no_service", "invalid_payload", "channel_is_archived", "user_not_found",
    ]

    /// The verdict for an HTTP status, headers (lower-cased names) and body.
    public static func verdict(status: Int, headers: [String: String], body: Data) -> DeliveryVerdict {
        let retryAfter = headers["retry-after"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
        switch status {
        case 429:
            return .retry(after: retryAfter ?? 1, reason: "rate limited (HTTP 429)")
        case 500...599:
            return .retry(after: retryAfter, reason: "HTTP \(status)")
        case 200..<300:
            return webAPIVerdict(body: body, retryAfter: retryAfter)
        case 408:
            return .retry(after: retryAfter, reason: "HTTP 408")
        default:
            let error = errorCode(in: body) ?? "HTTP \(status)"
            return .permanent(reason: error, notInChannel: error == "not_in_channel")
        }
    }

    /// A 2xx answer: the Web API's `{"ok": …}`, or a `response_url`'s plain "ok" / empty body.
    private static func webAPIVerdict(body: Data, retryAfter: TimeInterval?) -> DeliveryVerdict {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let ok = object["ok"] as? Bool
        else { return .delivered }
        if ok { return .delivered }
        let error = object["error"] as? String ?? "unknown_error"
        if error == "ratelimited" || error == "rate_limited" { return .retry(after: retryAfter ?? 1, reason: error) }
        if permanentErrors.contains(error) { return .permanent(reason: error, notInChannel: error == "not_in_channel") }
        if error == "internal_error" || error == "fatal_error" || error == "service_unavailable"
            || error == "request_timeout"
        {
            return .retry(after: retryAfter, reason: error)
        }
        return .permanent(reason: error, notInChannel: false)
    }

    /// The error code of a non-2xx body: JSON `error`, or the plain text webhooks answer with.
    private static func errorCode(in body: Data) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let error = object["error"] as? String
        {
            return error
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
