/// Why a command's text could not become a `Command`. Deputy answers it privately and changes nothing.
public enum CommandError: Error, Hashable, Sendable {
    /// Nothing after the slash word.
    case empty
    /// The first word is not a command; carries the word.
    case unknownVerb(String)
    /// The verb is known but the rest does not fit its usage.
    case usage(Verb)
    /// A task or a role was pointed at a group (`@here`, `@channel`, a user group).
    case notOnePerson
}
