/// Something Deputy says: one or more phrasebook lines, to the channel or privately to one user.
///
/// A reply holds phrase keys and typed values, never finished sentences: the words are chosen
/// when it is sent, so a message that goes out late still tells the truth and a team can rewrite
/// every line without touching code.
public struct Reply: Hashable, Sendable, Codable {
    /// Who sees the reply.
    public enum Audience: Hashable, Sendable, Codable {
        /// Everyone in the incident's channel.
        case channel
        /// Only this user.
        case privately(User)
    }

    public var audience: Audience
    /// The lines of the message, in order; rendered one per line.
    public var lines: [Line]

    public init(_ audience: Audience, _ lines: [Line]) {
        self.audience = audience
        self.lines = lines
    }

    /// A channel message of one line.
    public static func channel(_ key: PhraseKey, _ values: [String: PhraseValue] = [:]) -> Reply {
        Reply(.channel, [Line(key, values)])
    }

    /// A private message of one line.
    public static func privately(
        _ user: User, _ key: PhraseKey, _ values: [String: PhraseValue] = [:]
    ) -> Reply {
        Reply(.privately(user), [Line(key, values)])
    }

    /// Whether only one user sees it.
    public var isPrivate: Bool {
        if case .privately = audience { return true }
        return false
    }
}

/// One phrasebook sentence with the values for its placeholders.
public struct Line: Hashable, Sendable, Codable {
    public var key: PhraseKey
    public var values: [String: PhraseValue]

    public init(_ key: PhraseKey, _ values: [String: PhraseValue] = [:]) {
        self.key = key
        self.values = values
    }
}
