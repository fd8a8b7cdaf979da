/// Turns the text after the slash word into a `Command`, or says why it cannot.
///
/// Verbs and keywords match in any case; free text keeps the person's own spelling and spacing.
/// Each verb's grammar lives in an extension named after its group (`CommandParser+Tasks.swift`).
public enum CommandParser {
    /// Parses `text`, the part of a message after the slash word (`assign @hayley investigate`).
    /// `priorities` says which severity each priority people give at declare means (`P1`).
    ///
    /// Never traps: every input, however odd, yields either a command or the reason it is not one.
    public static func parse(
        _ text: String, priorities: [Int: Severity] = Severity.standardPriorities
    ) -> Result<Command, CommandError> {
        let tokens = Token.split(text)
        guard let first = tokens.first else { return .failure(.empty) }
        let word = String(first.text)
        guard let verb = Verb(word: word) else { return .failure(.unknownVerb(word)) }
        let arguments = Arguments(verb: verb, tokens: tokens.dropFirst(), priorities: priorities)
        return Result { () throws(CommandError) -> Command in
            let (incident, rest) = addressedIncident(verb, arguments)
            let command = try command(verb, rest)
            return incident.map { .about($0, command) } ?? command
        }
    }

    /// An `INC-<n>` a command about a closed incident names, and the words without it: `timeline
    /// INC-1`, `actions INC-1`, `action INC-1 <text>`, `action done INC-1 #2`, `postmortem INC-1
    /// @pat`, `postmortem done INC-1 <link>`, `postmortem @pat INC-1`. Nil for any other verb.
    private static func addressedIncident(_ verb: Verb, _ arguments: Arguments) -> (IncidentID?, Arguments) {
        let positions: [Int]
        switch verb {
        case .timeline, .actions, .score: positions = [0]
        case .action: positions = arguments.first?.isOne(of: ["done"]) == true ? [1] : [0]
        case .postmortem:
            let first = arguments.first
            let followsWord = first?.isOne(of: ["done", "draft", "status"]) == true || first?.mention != nil
            positions = followsWord ? [1, 0] : [0]
        default: return (nil, arguments)
        }
        let tokens = Array(arguments.tokens)
        for position in positions where position < tokens.count {
            let word = tokens[position].folded
            guard word.hasPrefix("inc-"), let id = IncidentID(parsing: word) else { continue }
            let place = tokens[position].position
            return (id, arguments.removing { $0.position == place })
        }
        return (nil, arguments)
    }

    /// Reads the arguments that followed `verb`.
    private static func command(_ verb: Verb, _ arguments: Arguments) throws(CommandError) -> Command {
        switch verb {
        case .declare: try declare(arguments)
        case .lead: try arguments.bare(.lead)
        case .handover: try handover(arguments)
        case .accept: try arguments.bare(.accept)
        case .takeover: try arguments.bare(.takeover)
        case .role: try role(arguments)
        case .join: try arguments.bare(.join)
        case .leave: try arguments.bare(.leave)
        case .release: try .release(arguments.onlyPerson())
        case .propose: try propose(arguments)
        case .suggest: try .suggest(action: arguments.requiredText())
        case .object: object(arguments)
        case .decide: try decide(arguments)
        case .assign: try assign(arguments)
        case .cancel: try .cancel(arguments.onlyTask())
        case .ack: try ack(arguments)
        case .found: try found(arguments)
        case .extend: try extend(arguments)
        case .done: done(arguments)
        case .snooze: try snooze(arguments)
        case .quiet: try .quiet(arguments.dropping(leading: ["for"]).requiredSpan(unitRequired: true))
        case .tasks: try arguments.bare(.tasks)
        case .status: try arguments.bare(.status)
        case .summary: try .summary(arguments.requiredText())
        case .impact: try impact(arguments)
        case .note: try .note(arguments.requiredText())
        case .todo: try .todo(arguments.requiredText())
        case .update: try update(arguments)
        case .sev: try .severity(arguments.onlySeverity())
        case .phase: try .phase(arguments.only { Phase(rawValue: $0.folded) })
        case .page: page(arguments)
        case .resolve: try resolve(arguments)
        case .reopen: try arguments.bare(.reopen)
        case .postmortem: try postmortem(arguments)
        case .action: try action(arguments)
        case .actions: try arguments.bare(.actions)
        case .timeline: try arguments.bare(.timeline)
        case .drill: try drill(arguments)
        case .score: try arguments.bare(.score)
        case .say: try say(arguments)
        case .help: help(arguments)
        }
    }
}
