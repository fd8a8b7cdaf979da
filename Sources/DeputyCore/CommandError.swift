/// Why a command's text could not become a `Command`. Deputy answers it privately and changes nothing.
public enum CommandError: Error, Hashable, Sendable {
    /// Nothing after the slash word.
    case empty
    /// The first word is not a command; carries the word.
    case unknownVerb(String)
    /// The verb is known but the rest does not fit its usage.
    case usage(Verb)
    /// The verb is known, the rest does not fit, and what is wrong is known too.
    case usageHint(Verb, UsageHint)
    /// A task or a role was pointed at a group (`@here`, `@channel`, a user group), or at more
    /// than one person (`@nina @dan`, `@nina and @dan`).
    case notOnePerson
}

/// What is wrong with a command's words, when the parser can tell.
public enum UsageHint: Hashable, Sendable {
    /// A person's name without its `@` (`role scribe sam`).
    case mentionWithoutAt(String)
    /// A bare number where a task belongs (`cancel 3`): tasks are written `T3`.
    case taskWithoutT(Int)
    /// A severity outside 1 to 5 (`sev 6`).
    case severityOutOfRange
    /// A number with no unit where a duration belongs (`quiet 30`).
    case durationWithoutUnit(Int)
}
