import DeputyCore
import Foundation

/// A command posted to the generic webhook as `{"channel": …, "user": …, "text": "/ic …"}`.
/// The user is known by the `user` string, in any capitals, as the core reads `@name` mentions.
public struct GenericCommand: Sendable, Equatable {
    /// The platform name generic channels are keyed by.
    public static let platform = "generic"
    /// The one team of the generic webhook.
    public static let team = ""

    /// Where it was typed.
    public var channel: ChannelKey
    /// Who typed it.
    public var user: User
    /// The command text without the slash word.
    public var text: String

    /// Reads a request body; throws `GenericError` naming what is wrong.
    public init(body: Data) throws(GenericError) {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: body)
        } catch {
            throw .malformedJSON
        }
        guard let object = parsed as? [String: Any] else { throw .notAnObject }
        let channel = try Self.field("channel", in: object)
        let user = try Self.field("user", in: object)
        let text = try Self.field("text", in: object, allowEmpty: true)
        self.channel = ChannelKey(platform: Self.platform, team: Self.team, channel: channel)
        self.user = User.named(user)
        self.text = Self.commandText(text)
    }

    /// `text` without a leading `/ic` (or any other slash word) and the spaces around it.
    static func commandText(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("/") else { return trimmed }
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return "" }
        return trimmed[space...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The string field `name`, non-empty unless `allowEmpty`.
    private static func field(
        _ name: String, in object: [String: Any], allowEmpty: Bool = false
    ) throws(GenericError) -> String {
        guard let value = object[name] else { throw .missingField(name) }
        guard let text = value as? String else { throw .notAString(name) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard allowEmpty || !trimmed.isEmpty else { throw .emptyField(name) }
        return trimmed
    }
}
