import DeputyChat
import Foundation
import HTTPTypes
import NIOCore

/// Signed Slack requests, as Slack would send them.
enum SlackRequests {
    static let secret = "8f742231b10e8888abcd99yyyzzz85a5"

    /// A slash command's form body.
    static func commandBody(text: String, trigger: String = "13345224609.738474920.8088930838d88f008e0") -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ value: String) -> String { value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value }
        let fields = [
            ("token", "gIkuvaNzQIHg97ATvDxqgjtO"), ("team_id", "T0001"), ("team_domain", "example"),
            ("channel_id", "C2147483705"), ("channel_name", "test"), ("user_id", "U2147483697"), ("user_name", "Steve"),
            ("command", "/ic"), ("text", text), ("response_url", "https://hooks.slack.com/commands/1234/5678"),
            ("trigger_id", trigger), ("api_app_id", "A123456"),
        ]
        return fields.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    /// Headers that sign `body` at `timestamp` (now by default) with `secret`.
    static func headers(for body: String, timestamp: Date = Date(), secret: String = secret) -> HTTPFields {
        let stamp = String(Int(timestamp.timeIntervalSince1970))
        let signature = SlackSignature(signingSecret: secret).signature(body: Data(body.utf8), timestamp: stamp)
        var fields = HTTPFields()
        fields[.contentType] = "application/x-www-form-urlencoded"
        if let name = HTTPField.Name("X-Slack-Request-Timestamp") { fields[name] = stamp }
        if let name = HTTPField.Name("X-Slack-Signature") { fields[name] = signature }
        return fields
    }

    static func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
