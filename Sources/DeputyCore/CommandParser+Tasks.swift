extension CommandParser {
    /// The words that introduce a timebox: `in 5m`, `for 10 min`.
    private static let timeboxWords: Set<String> = ["in", "for"]

    /// `assign <owner> [in|for <duration>] <task> [in|for <duration>]`, or `assign T# <owner>`;
    /// the owner is a person or a role word.
    static func assign(_ arguments: Arguments) throws(CommandError) -> Command {
        guard let first = arguments.first else { throw arguments.usage }
        if let id = first.taskID {
            let rest = arguments.dropFirst()
            return try .reassign(id, to: rest.only(rest.assignee))
        }
        let owner = try arguments.assignee(first)
        let afterOwner = arguments.dropFirst()
        var (task, timebox) = afterOwner.leadingSpan(after: timeboxWords)
        if timebox == nil { (task, timebox) = afterOwner.trailingSpan(after: timeboxWords) }
        return try .assign(owner: owner, task: task.requiredText(), timebox: timebox)
    }

    /// `ack [T#]`.
    static func ack(_ arguments: Arguments) throws(CommandError) -> Command {
        arguments.isEmpty ? .ack(nil) : try .ack(arguments.only(\.taskID))
    }

    /// `found [T#] <finding> [for|in <duration>]`.
    static func found(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.taskID)
        let (finding, timebox) = rest.trailingSpan(after: timeboxWords)
        return try .found(id, finding: finding.requiredText(), timebox: timebox)
    }

    /// `extend [T#] [[by|for] <duration>]`, where a bare number counts minutes.
    static func extend(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.taskID)
        guard !rest.isEmpty else { return .extend(id, by: nil) }
        return try .extend(id, by: rest.dropping(leading: ["by", "for"]).requiredSpan(minutesByDefault: true))
    }

    /// `done [T#] [finding]`.
    static func done(_ arguments: Arguments) -> Command {
        let (id, finding) = arguments.leading(\.taskID)
        return .done(id, finding: finding.text)
    }

    /// `snooze T# [for] <duration>`.
    static func snooze(_ arguments: Arguments) throws(CommandError) -> Command {
        let (id, rest) = arguments.leading(\.taskID)
        guard let id else { throw arguments.usage }
        return try .snooze(id, rest.dropping(leading: ["for"]).requiredSpan())
    }
}
