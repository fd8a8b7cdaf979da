extension CommandParser {
    /// The words after a verb, with the readers every verb's grammar is built from.
    ///
    /// Readers that fail throw `.usage(verb)`, or `.notOnePerson` when a group sits where one
    /// person belongs.
    struct Arguments {
        /// The verb these words follow, named by usage errors.
        let verb: Verb
        /// The words themselves, in order; positions keep counting from the whole command.
        let tokens: ArraySlice<Token>

        /// The error for words that do not fit the verb.
        var usage: CommandError { .usage(verb) }

        /// Whether no words are left.
        var isEmpty: Bool { tokens.isEmpty }

        /// The first word left, if any.
        var first: Token? { tokens.first }

        /// The only word left, when exactly one is.
        var single: Token? { tokens.count == 1 ? tokens.first : nil }

        /// The words as the person typed them, spacing included; where words were taken out of the
        /// middle, a single space joins what is left. Nil when no words are left.
        var text: String? {
            guard var open = tokens.first else { return nil }
            var close = open
            var runs: [Substring] = []
            for token in tokens.dropFirst() {
                if token.position != close.position + 1 {
                    runs.append(open.through(close))
                    open = token
                }
                close = token
            }
            runs.append(open.through(close))
            return runs.joined(separator: " ")
        }

        /// The words after the first `count`.
        func dropFirst(_ count: Int = 1) -> Arguments { Arguments(verb: verb, tokens: tokens.dropFirst(count)) }

        /// The words before the last `count`.
        func dropLast(_ count: Int = 1) -> Arguments { Arguments(verb: verb, tokens: tokens.dropLast(count)) }

        /// The words without those `shouldRemove` picks out.
        func removing(where shouldRemove: (Token) -> Bool) -> Arguments {
            Arguments(verb: verb, tokens: ArraySlice(tokens.filter { !shouldRemove($0) }))
        }

        /// The words without a first word that is one of `keywords` (`for 10m` → `10m`).
        func dropping(leading keywords: Set<String>) -> Arguments {
            first?.isOne(of: keywords) == true ? dropFirst() : self
        }

        /// Splits off an optional first word that `read` understands (`T3 the fix` → `T3`, `the fix`).
        func leading<Value>(_ read: (Token) -> Value?) -> (Value?, Arguments) {
            guard let first, let value = read(first) else { return (nil, self) }
            return (value, dropFirst())
        }

        /// `command` when no words followed the verb.
        func bare(_ command: Command) throws(CommandError) -> Command {
            guard isEmpty else { throw usage }
            return command
        }

        /// The free text the verb requires.
        func requiredText() throws(CommandError) -> String {
            guard let text else { throw usage }
            return text
        }

        /// The value of the one and only word, read by `read`.
        func only<Value>(_ read: (Token) throws(CommandError) -> Value?) throws(CommandError) -> Value {
            guard let single, let value = try read(single) else { throw usage }
            return value
        }

        /// The one person `token` mentions.
        func person(_ token: Token) throws(CommandError) -> User {
            switch token.mention {
            case .person(let user): return user
            case .group: throw .notOnePerson
            case nil: throw usage
            }
        }

        /// The person or the role (`comms`, `sme:database`) `token` names.
        func assignee(_ token: Token) throws(CommandError) -> Command.Assignee {
            if let role = token.role { return .role(role) }
            return .user(try person(token))
        }
    }
}
