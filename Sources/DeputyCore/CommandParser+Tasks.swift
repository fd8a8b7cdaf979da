extension CommandParser {
    /// The words that introduce a timebox: `in 5m`, `for 10 min`, `within half an hour`.
    private static let timeboxWords: Set<String> = ["in", "for", "within"]

    /// The words that join two people (`@nina and @dan`): a task has one owner.
    private static let joiningWords: Set<String> = ["and", "&", "+", "or", "/", "plus"]

    /// `assign <owner> [in|for <duration>] <task> [in|for <duration>|<duration>]`, or
    /// `assign T# <owner>`; the owner is one person or a role word.
    static func assign(_ arguments: Arguments) throws(CommandError) -> Command {
        guard let first = arguments.first else { throw arguments.usage }
        if let id = first.taskID {
            let rest = arguments.dropFirst()
            if rest.tokens.filter({ $0.mention != nil }).count > 1 { throw .notOnePerson }
            return try .reassign(id, to: rest.only(rest.assignee))
        }
        if let number = first.wholeNumber, arguments.dropFirst().first?.mention != nil {
            throw .usageHint(arguments.verb, .taskWithoutT(number))
        }
        if first.mention == nil, first.text.filter({ $0 == "@" }).count > 1 { throw .notOnePerson }
        let owner = try arguments.assignee(first)
        let afterOwner = arguments.dropFirst()
        let joined = afterOwner.first?.isOne(of: joiningWords) == true ? afterOwner.dropFirst() : afterOwner
        if joined.first?.mention != nil { throw .notOnePerson }
        var (task, timebox) = afterOwner.leadingSpan(after: timeboxWords)
        if timebox == nil { (task, timebox) = afterOwner.trailingSpan(after: timeboxWords) }
        if timebox == nil { (task, timebox) = afterOwner.trailingBareSpan() }
        return try .assign(owner: owner, task: task.requiredText(), timebox: timebox)
    }

    /// `ack [T#]`.
    static func ack(_ arguments: Arguments) throws(CommandError) -> Command {
        arguments.isEmpty ? .ack(nil) : try .ack(arguments.onlyTask())
    }

    /// `found [T#] <finding> [for|in|within <duration>]`: a duration needs its keyword here, as a
    /// finding often ends in one (`the replica is 40s behind`).
    static func found(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.taskID)
        let (finding, timebox) = rest.trailingSpan(after: timeboxWords)
        return try .found(id, finding: finding.requiredText(), timebox: timebox)
    }

    /// `extend [T#] [[by|for|in] [another] <duration>]`, where a bare number counts minutes.
    static func extend(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.taskID)
        guard !rest.isEmpty else { return .extend(id, by: nil) }
        let span = rest.dropping(leading: ["by", "for", "in"]).dropping(leading: ["another", "further"])
        return try .extend(id, by: span.requiredSpan(minutesByDefault: true))
    }

    /// `done [T#] [finding]`.
    static func done(_ arguments: Arguments) -> Command {
        let (id, finding) = arguments.leading(\.taskID)
        return .done(id, finding: finding.text)
    }

    /// `snooze T# [for] <duration>`.
    static func snooze(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.taskID)
        guard let id else {
            if let number = arguments.first?.wholeNumber { throw .usageHint(arguments.verb, .taskWithoutT(number)) }
            throw arguments.usage
        }
        return try .snooze(id, rest.dropping(leading: ["for"]).requiredSpan(unitRequired: true))
    }
}
