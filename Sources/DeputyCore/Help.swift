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

    /// The private answer to text that did not parse: what was wrong, when it is known, and the
    /// command that was likely meant.
    public static func reply(to error: CommandError, for user: User) -> Reply {
        switch error {
        case .empty: return .privately(user, .emptyCommand)
        case .unknownVerb(let word):
            guard let meant = suggestion(for: word) else {
                return .privately(user, .unknownVerb, ["word": .text(word)])
            }
            return .privately(user, .unknownVerbSuggestion, ["word": .text(word), "verb": .plain(meant)])
        case .usage(let verb): return .privately(user, .usageError, ["usage": .usage(verb)])
        case .usageHint(let verb, let hint):
            return Reply(.privately(user), [Line(.usageError, ["usage": .usage(verb)]), line(for: hint)])
        case .notOnePerson: return .privately(user, .pointToOnePerson)
        }
    }

    /// The line that says what is wrong.
    static func line(for hint: UsageHint) -> Line {
        switch hint {
        case .mentionWithoutAt(let name): Line(.hintMentionWithoutAt, ["name": .text(name)])
        case .taskWithoutT(let number): Line(.hintTaskWithoutT, ["number": .plain(String(number))])
        case .severityOutOfRange: Line(.hintSeverityRange)
        case .durationWithoutUnit(let number): Line(.hintDurationUnit, ["number": .plain(String(number))])
        }
    }

    /// The command word `word` is most likely a slip of: one that starts with it (`stat`), or one
    /// a letter or two away (`asign`, `stauts`); nil when none is close or several are as close.
    static func suggestion(for word: String) -> String? {
        let typed = word.lowercased()
        guard typed.count >= 2, typed.count <= 20, typed.allSatisfy(\.isLetter) else { return nil }
        let words = Verb.allCases.map(\.rawValue) + Verb.aliases.keys.sorted()
        let starting = words.filter { $0.hasPrefix(typed) }
        if typed.count >= 3, starting.count == 1 { return starting.first }
        let limit = typed.count <= 4 ? 1 : 2
        let ranked = words.map { (word: $0, distance: typed.editDistance(to: $0)) }.filter { $0.distance <= limit }
        guard let best = ranked.map(\.distance).min() else { return nil }
        let closest = ranked.filter { $0.distance == best }
        return closest.count == 1 ? closest.first?.word : nil
    }
}
