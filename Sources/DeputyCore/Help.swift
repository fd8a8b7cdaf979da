/// Answers to `help` and to text that is not a command: always private, never a change.
public enum Help {
    /// `help` alone lists the commands; `help <command>` gives its usage and what it does.
    public static func reply(topic: String?, to user: User) -> Reply {
        guard let topic else {
            return .privately(user, .helpOverview, ["verbs": .list(Verb.allCases.map { .plain($0.rawValue) })])
        }
        guard let verb = Verb(word: topic) else { return .privately(user, .unknownHelpTopic, ["word": .text(topic)]) }
        return Reply(.privately(user), [Line(.helpCommand, ["usage": .usage(verb), "help": .help(verb)])])
    }

    /// The private answer to text that did not parse.
    public static func reply(to error: CommandError, for user: User) -> Reply {
        switch error {
        case .empty: .privately(user, .emptyCommand)
        case .unknownVerb(let word): .privately(user, .unknownVerb, ["word": .text(word)])
        case .usage(let verb): .privately(user, .usageError, ["usage": .usage(verb)])
        case .notOnePerson: .privately(user, .pointToOnePerson)
        }
    }
}
