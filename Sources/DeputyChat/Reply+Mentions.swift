import DeputyCore

extension Reply {
    /// The users the reply mentions, each once, in the order its lines name them: the people a
    /// platform should let it ping.
    public var mentionedUsers: [User] {
        var users: [User] = []
        for line in lines { Self.collect(line, into: &users) }
        return users
    }

    private static func collect(_ line: Line, into users: inout [User]) {
        for key in line.values.keys.sorted() {
            if let value = line.values[key] { collect(value, into: &users) }
        }
    }

    private static func collect(_ value: PhraseValue, into users: inout [User]) {
        switch value {
        case .user(let user): if !users.contains(where: { $0.id == user.id }) { users.append(user) }
        case .list(let items): for item in items { collect(item, into: &users) }
        case .lines(let lines): for line in lines { collect(line, into: &users) }
        default: break
        }
    }
}
