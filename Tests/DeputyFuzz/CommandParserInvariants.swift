import DeputyCore

/// Properties every parse must have, whatever the text: checked on tables and generated inputs.
public enum CommandParserInvariants {
    /// A parse result.
    public typealias Parse = Result<Command, CommandError>

    /// Every way `text`'s parse breaks the parser's promises; empty when it keeps them all.
    public static func violations(for text: String) -> [String] {
        let result = CommandParser.parse(text)
        var found: [String] = []
        func check(_ holds: Bool, _ what: String) {
            if !holds { found.append("\(what) for \(text.debugDescription) → \(result)") }
        }
        check(same(result, CommandParser.parse(text)), "parsing twice differs")
        check(same(result, CommandParser.parse(" \n\t" + text + "\u{00A0} ")), "surrounding whitespace matters")
        guard let range = text.split(whereSeparator: \.isWhitespace).first.map({ $0.startIndex..<$0.endIndex })
        else {
            check(result == .failure(.empty), "blank text is not .empty")
            return found
        }
        // A whitespace scalar inside a character (a prepended mark fuses the space after it) ends
        // the word too.
        let firstWord = String(
            String.UnicodeScalarView(text[range].unicodeScalars.prefix { !$0.properties.isWhitespace }))
        guard let verb = Verb(word: firstWord) else {
            check(isUnknownVerb(result, startingWith: firstWord), "non-verb is not .unknownVerb(\(firstWord))")
            return found
        }
        var shouted = text
        shouted.replaceSubrange(range, with: firstWord.uppercased())
        check(same(result, CommandParser.parse(shouted)), "verb case matters")
        switch result {
        case .success(let command):
            check(command.verb == verb, "command belongs to another verb")
            found += payloadViolations(command).map { "\($0) for \(text.debugDescription) → \(command)" }
        case .failure(.usage(let usageVerb)), .failure(.usageHint(let usageVerb, _)):
            check(usageVerb == verb, "usage names another verb")
        case .failure(.notOnePerson): break
        case .failure(.empty), .failure(.unknownVerb): check(false, "known verb \(verb) not recognised")
        }
        return found
    }

    /// Whether two parses are equal, display names included.
    public static func same(_ lhs: Parse, _ rhs: Parse) -> Bool {
        lhs == rhs && String(reflecting: lhs) == String(reflecting: rhs)
    }

    /// Whether `result` reports `word` (or a spaced mention starting with it) as unknown.
    private static func isUnknownVerb(_ result: Parse, startingWith word: String) -> Bool {
        guard case .failure(.unknownVerb(let reported)) = result else { return false }
        return reported == word || (word.hasPrefix("<") && reported.hasPrefix(word))
    }

    /// What is wrong with the values a successful command carries.
    private static func payloadViolations(_ command: Command) -> [String] {
        var found: [String] = []
        for case let text? in texts(of: command)
        where text.isEmpty || text.first?.isWhitespace == true
            || text.last?.isWhitespace == true
        {
            found.append("untrimmed or empty text \(text.debugDescription)")
        }
        for user in users(of: command)
        where user.id.isEmpty || user.name.isEmpty || user.id.contains(where: \.isWhitespace) {
            found.append("bad user \(user.id.debugDescription)/\(user.name.debugDescription)")
        }
        for case let span? in spans(of: command) where !(1...Span.longest.seconds).contains(span.seconds) {
            found.append("span out of range: \(span.seconds)s")
        }
        for case .sme(let area)? in roles(of: command) where area.isEmpty {
            found.append("SME without an area")
        }
        return found
    }

    /// The free texts `command` carries, present or not.
    private static func texts(of command: Command) -> [String?] {
        switch command {
        case .declare(let title, _, _): [title]
        case .propose(let action, _), .suggest(let action): [action]
        case .object(_, let reason): [reason]
        case .decideOnCall(let text), .summary(let text), .note(let text), .todo(let text), .update(let text),
            .updateDraft(let text):
            [text]
        case .impact(let text, _): [text]
        case .assign(_, let task, _): [task]
        case .found(_, let finding, _): [finding]
        case .done(_, let finding): [finding]
        case .postmortemDone(let link): [link]
        case .help(let topic): [topic]
        case .action(let text): [text]
        case .about(_, let inner): texts(of: inner)
        default: []
        }
    }

    /// The people `command` names.
    private static func users(of command: Command) -> [User] {
        switch command {
        case .handover(let user), .role(_, let user), .release(let user), .postmortemOwner(let user),
            .assign(.user(let user), _, _), .reassign(_, .user(let user)):
            [user]
        case .about(_, let inner): users(of: inner)
        case .say(_, let user?): [user]
        default: []
        }
    }

    /// The durations `command` carries, present or not.
    private static func spans(of command: Command) -> [Span?] {
        switch command {
        case .propose(_, let span), .proposeSuggestion(_, let span), .assign(_, _, let span), .found(_, _, let span),
            .extend(_, let span):
            [span]
        case .snooze(_, let span), .quiet(let span): [span]
        default: []
        }
    }

    /// The roles `command` names.
    private static func roles(of command: Command) -> [Role?] {
        switch command {
        case .role(let role, _), .assign(.role(let role), _, _), .reassign(_, .role(let role)): [role]
        default: []
        }
    }
}
