/// A person in the chat: an opaque platform id and the name to show.
///
/// Two users are the same person when their ids match; the display name is only for words.
public struct User: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The platform's id for this person (`U123` on Slack, a username in the console).
    public var id: String
    /// The name to show when the platform's mention form is not available.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The canonical mention form every adapter converts its platform's mentions into.
    public var mention: String { "<@\(id)|\(name)>" }

    public var description: String { mention }

    public static func == (lhs: User, rhs: User) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
