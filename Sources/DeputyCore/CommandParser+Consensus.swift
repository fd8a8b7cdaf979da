extension CommandParser {
    /// The words that close a proposal when they stand alone after `decide [P#]`.
    private static let verdicts: [String: Command.Verdict] = [
        "proceed": .proceed, "go": .proceed, "yes": .proceed, "approve": .proceed,
        "drop": .drop, "no": .drop, "reject": .drop, "abandon": .drop,
    ]

    /// `propose <action> [within <duration>]` or `propose P# [within <duration>]`.
    static func propose(_ arguments: Arguments) throws(CommandError) -> Command {
        let (body, within) = arguments.trailingSpan(after: ["within"])
        let (id, rest) = body.leading(\.proposalID)
        guard let id else { return try .propose(action: body.requiredText(), within: within) }
        guard rest.isEmpty else { throw arguments.usage }
        return .proposeSuggestion(id, within: within)
    }

    /// Other words people use for a situation: `say spreadsheets`, `say exec`.
    private static let situationWords: [String: Command.Situation] = [
        "spreadsheets": .spreadsheet, "list": .spreadsheet, "sev": .severity, "crowded": .crowd,
        "handoffs": .handoff, "handover": .handoff, "rest": .handoff, "obstructive": .belligerent,
        "executive": .takeover, "exec": .takeover, "concern": .concerns, "rush": .hurry,
    ]

    /// `say <situation> [@person]`, the person on either side.
    static func say(_ arguments: Arguments) throws(CommandError) -> Command {
        let mentions = arguments.tokens.filter { $0.mention != nil }
        if mentions.count > 1 { throw .notOnePerson }
        let person = try mentions.first.map(arguments.person)
        let rest = arguments.removing { $0.mention != nil }
        let situation = try rest.only { token in
            Command.Situation(rawValue: token.bare.lowercased()) ?? situationWords[token.bare.lowercased()]
        }
        return .say(situation, to: person)
    }

    /// `object [P#] [reason]`.
    static func object(_ arguments: Arguments) -> Command {
        let (id, reason) = arguments.leading(\.proposalID)
        return .object(id, reason: reason.text)
    }

    /// `decide [P#] proceed|drop` (and their synonyms), or `decide <any other text>` as a call.
    static func decide(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.proposalID)
        if let word = rest.single, let verdict = verdicts[word.folded] { return .decide(id, verdict) }
        guard id == nil else { throw arguments.usage }
        return try .decideOnCall(arguments.requiredText())
    }
}
