extension CommandParser {
    /// The words after a verb, with the readers every verb's grammar is built from.
    ///
    /// Readers that fail throw `.usage(verb)`, or `.notOnePerson` when a group sits where one
    /// person belongs.
    struct Arguments {
        /// The verb these words follow, named by usage errors.
        let verb: Verb
        /// The words themselves, in order; positions keep counting from the whole command.
        private(set) var tokens: ArraySlice<Token>
        /// Which severity each priority (`P1`) means.
        let priorities: [Int: Severity]

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

        /// The same verb and context with other words.
        func with(_ tokens: ArraySlice<Token>) -> Arguments {
            var copy = self
            copy.tokens = tokens
            return copy
        }

        /// The words after the first `count`.
        func dropFirst(_ count: Int = 1) -> Arguments { with(tokens.dropFirst(count)) }

        /// The words before the last `count`.
        func dropLast(_ count: Int = 1) -> Arguments { with(tokens.dropLast(count)) }

        /// The words without those `shouldRemove` picks out.
        func removing(where shouldRemove: (Token) -> Bool) -> Arguments {
            with(ArraySlice(tokens.filter { !shouldRemove($0) }))
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

        /// The one person `token` mentions; a plain name without its `@` is told so.
        func person(_ token: Token) throws(CommandError) -> User {
            switch token.mention {
            case .person(let user): return user
            case .group: throw .notOnePerson
            case nil:
                if let name = token.plainName, token.role == nil, name.lowercased() != "sme" {
                    throw .usageHint(verb, .mentionWithoutAt(name))
                }
                throw usage
            }
        }

        /// The one person these words are: more than one mention is refused (`@nina @dan`).
        func onlyPerson() throws(CommandError) -> User {
            if tokens.filter({ $0.mention != nil }).count > 1 { throw .notOnePerson }
            return try only(person)
        }

        /// The one task these words name (`T3`); a bare number is told how tasks are written.
        func onlyTask() throws(CommandError) -> TaskID {
            if let single, let number = single.wholeNumber { throw .usageHint(verb, .taskWithoutT(number)) }
            return try only(\.taskID)
        }

        /// The person or the role (`comms`, `sme:database`) `token` names.
        func assignee(_ token: Token) throws(CommandError) -> Command.Assignee {
            if let role = token.role { return .role(role) }
            return .user(try person(token))
        }
    }
}
