import DeputyChat
import Foundation

extension PagerDutyEvents {
    /// What PagerDuty's answer to an event means for the outbox. `headers` may have names in any
    /// case.
    ///
    /// 2xx (PagerDuty answers 202) is delivered; 429 is retried after `Retry-After`, else after
    /// 30 seconds; 408 and 5xx are retried; 400 and any other status are dead letters, a 400's
    /// reason quoting PagerDuty's `message` and `errors`. Reasons never carry the routing key.
    public static func verdict(status: Int, headers: [String: String], body: Data) -> DeliveryVerdict {
        let retryAfter = RetryAfter.seconds(in: headers)
        switch status {
        case 200..<300:
            return .delivered
        case 429:
            return .retry(after: retryAfter ?? rateLimitedRetryDelay, reason: "rate limited by PagerDuty (HTTP 429)")
        case 408, 500...599:
            return .retry(after: retryAfter, reason: "PagerDuty answered HTTP \(status)")
        case 400:
            guard let detail = refusal(in: body) else { return .permanent(reason: "HTTP 400", notInChannel: false) }
            return .permanent(reason: "PagerDuty refused the event (HTTP 400): \(detail)", notInChannel: false)
        case 401, 403, 404:
            return .permanent(
                reason: "HTTP \(status): the PagerDuty routing key or events URL is wrong", notInChannel: false)
        default:
            return .permanent(reason: "HTTP \(status)", notInChannel: false)
        }
    }

    /// The most a reason quotes from PagerDuty's answer.
    static let refusalLimit = 300

    /// `message: error; error` from an error body (`{"status", "message", "errors": [...]}`), or
    /// nil if the body is not such JSON. Long runs of letters and digits, which could be a key
    /// PagerDuty echoed back, are elided.
    static func refusal(in body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        var parts: [String] = []
        if let message = object["message"] as? String, !message.isEmpty { parts.append(message) }
        let errors = (object["errors"] as? [Any])?.compactMap { $0 as? String }.filter { !$0.isEmpty } ?? []
        if !errors.isEmpty { parts.append(errors.joined(separator: "; ")) }
        guard !parts.isEmpty else { return nil }
        let text = elidingKeys(in: parts.joined(separator: ": "))
        guard text.count > refusalLimit else { return text }
        return String(text.prefix(refusalLimit - 1)) + "…"
    }

    /// `text` with every run of 20 or more ASCII letters and digits replaced by `…`: integration
    /// keys are 32 such characters, and no word PagerDuty explains an error with is that long.
    static func elidingKeys(in text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.count >= 20 ? "…" : run
            run = ""
        }
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}
