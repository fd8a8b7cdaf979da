import DeputyCore

extension Reply {
    /// The people a reply's words mention, each once, in the order its lines and their values
    /// (by name) are read: what an adapter needs to turn names into pings.
    var mentionedUsers: [User] {
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
        case .user(let user): if !users.contains(user) { users.append(user) }
        case .list(let items): for item in items { collect(item, into: &users) }
        case .lines(let lines): for line in lines { collect(line, into: &users) }
        default: break
        }
    }
}
