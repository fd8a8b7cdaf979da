extension CommandParser {
    /// `declare <title> [severity] [drill]`: the severity (`sev2`, `SEV-2`, `sev 2`, `severity 2`,
    /// `P2`) and the drill word may sit anywhere; a level out of range stays in the title.
    static func declare(_ arguments: Arguments) throws(CommandError) -> Command {
        let given = arguments.severityWords().compactMap { words in
            arguments.severity(of: words).map { (severity: $0, positions: Set(words.positions)) }
        }
        guard given.count <= 1 else { throw arguments.usage }
        let taken = given.first?.positions ?? []
        let drill = arguments.tokens.contains { $0.bare.lowercased() == "drill" }
        let title = arguments.removing { taken.contains($0.position) || $0.bare.lowercased() == "drill" }
        guard let text = title.text.map(cleanTitle), !text.isEmpty else { throw arguments.usage }
        return .declare(title: text, severity: given.first?.severity, drill: drill)
    }

    /// A title without the punctuation a sentence leaves at its ends (`checkout is slow.`, `- db`),
    /// which the declaration's own sentence would otherwise say twice.
    static func cleanTitle(_ text: String) -> String {
        let loose: Set<Character> = [".", ",", ";", ":", "!", "?", "-", "–", "—", "…"]
        let start = text.firstIndex { !loose.contains($0) && !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !loose.contains($0) && !$0.isWhitespace }.map(text.index(after:)) ?? start
        return String(text[start..<end])
    }

    /// `handover @user` or `handover cancel`.
    static func handover(_ arguments: Arguments) throws(CommandError) -> Command {
        if arguments.first?.isOne(of: ["cancel"]) == true {
            return try arguments.dropFirst().bare(.handoverCancel)
        }
        return try .handover(to: arguments.onlyPerson())
    }

    /// `role deputy|scribe|comms @user`, `role sme @user <area>` or `role sme:<area> @user`, with
    /// the mention anywhere.
    static func role(_ arguments: Arguments) throws(CommandError) -> Command {
        let mentions = arguments.tokens.filter { $0.mention != nil }
        if mentions.count > 1 { throw .notOnePerson }
        guard let mention = mentions.first else {
            // `role scribe sam`: the role is clear, the person has no `@`.
            let names = arguments.tokens.filter { token in
                token.plainName != nil && seat(arguments.removing { $0.position == token.position }) != nil
            }
            if names.count == 1, let name = names.first?.plainName {
                throw .usageHint(arguments.verb, .mentionWithoutAt(name))
            }
            throw arguments.usage
        }
        let user = try arguments.person(mention)
        guard let role = seat(arguments.removing { $0.position == mention.position }) else {
            throw arguments.usage
        }
        return .role(role, user)
    }

    /// The role named by one word (`comms`, `sme:database`) or by `sme <area>`.
    private static func seat(_ words: Arguments) -> Role? {
        guard let first = words.first else { return nil }
        let rest = words.dropFirst()
        guard let area = rest.first else { return first.role }
        guard first.isOne(of: ["sme"]), rest.tokens.count == 1 else { return nil }
        return Role(parsing: "sme", area: String(area.text))
    }

    /// `resolve`, `resolve confirm` or `resolve false-alarm` (also `false alarm`, `falsealarm`).
    static func resolve(_ arguments: Arguments) throws(CommandError) -> Command {
        switch arguments.tokens.map(\.folded) {
        case []: .resolve
        case ["confirm"]: .resolveConfirm
        case ["false-alarm"], ["falsealarm"], ["false", "alarm"]: .resolveFalseAlarm
        default: throw arguments.usage
        }
    }

    /// `update <text>` posts a stakeholder update; `update draft <text>` only asks for a wording hint.
    static func update(_ arguments: Arguments) throws(CommandError) -> Command {
        if arguments.first?.isOne(of: ["draft"]) == true {
            return try .updateDraft(arguments.dropFirst().requiredText())
        }
        return try .update(arguments.requiredText())
    }

    /// `action <text>` adds an action item; `action done #n` (or `n`) marks one done.
    static func action(_ arguments: Arguments) throws(CommandError) -> Command {
        if arguments.first?.isOne(of: ["done"]) == true {
            return try .actionDone(arguments.dropFirst().only(actionNumber))
        }
        return try .action(arguments.requiredText())
    }

    /// An action item's number, `#3` or `3`; nil for any other word.
    static func actionNumber(_ token: Token) -> Int? {
        let digits = token.text.hasPrefix("#") ? token.text.dropFirst() : token.text[...]
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0
        else { return nil }
        return number
    }

    /// `postmortem @user` names the owner; `postmortem done [link]` closes it; `postmortem draft`
    /// and `postmortem status` read it.
    static func postmortem(_ arguments: Arguments) throws(CommandError) -> Command {
        if arguments.first?.isOne(of: ["done"]) == true {
            return .postmortemDone(link: arguments.dropFirst().text)
        }
        if arguments.first?.isOne(of: ["draft"]) == true { return try arguments.dropFirst().bare(.postmortemDraft) }
        if arguments.first?.isOne(of: ["status"]) == true { return try arguments.dropFirst().bare(.postmortemStatus) }
        return try .postmortemOwner(arguments.onlyPerson())
    }
}
