/// A person in the chat: an opaque platform id and the name to show.
///
/// Two users are the same person when their ids match; the display name is only for words.
/// Where a platform knows people only by name (the console, the generic webhook, Mattermost's
/// usernames, a plain `@name` mention), the id is the name folded to lower case: `@Carol` named
/// comms and `carol` typing a command are the same person (`User.named`).
public struct User: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The platform's id for this person (`U123` on Slack, a username in the console).
    public var id: String
    /// The name to show when the platform's mention form is not available.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// Someone known only by name: the id is the name in lower case, the name as it was written.
    public static func named(_ name: String) -> User {
        User(id: fold(name), name: name)
    }

    /// Whether this person is known only by name (`User.named`), not by a platform's own id.
    public var isKnownByName: Bool { id == Self.fold(name) }

    /// A name as an id: capitals do not make another person.
    static func fold(_ name: String) -> String { name.lowercased() }

    private enum CodingKeys: String, CodingKey {
        case id, name
    }

    /// Reads a stored user. One stored before names were folded (its id its name, as written)
    /// reads as `User.named`, so an incident begun then still knows `Carol` and `carol` as one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let name = try container.decode(String.self, forKey: .name)
        self.init(id: id == name ? Self.fold(id) : id, name: name)
    }

    /// The canonical mention form every adapter converts its platform's mentions into.
    public var mention: String { "<@\(id)|\(name)>" }

    public var description: String { mention }

    public static func == (lhs: User, rhs: User) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
