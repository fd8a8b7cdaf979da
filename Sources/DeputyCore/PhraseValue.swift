import Foundation

/// A typed value for a phrase placeholder. The phrasebook renders durations, times and terms;
/// the platform adapter renders users as mentions and escapes text people typed.
public indirect enum PhraseValue: Hashable, Sendable, Codable {
    /// A person, rendered as the platform's mention.
    case user(User)
    /// A length of time, rendered in words ("1 hour 30 minutes").
    case duration(Span)
    /// Text a person typed, escaped by the platform so it can never ping a crowd.
    case text(String)
    /// Text Deputy made itself (`T1`, `SEV-2`, `INC-4`), shown as is.
    case plain(String)
    /// A moment, rendered as a local time of day in the team's time zone.
    case time(Date)
    /// A moment with its date, rendered as `2026-11-29 03:05 UTC` in the team's time zone: for
    /// timelines and anything read after the day is over.
    case moment(Date)
    /// A day people plan by, rendered with its weekday: "Thursday 10 December".
    case date(LocalDate)
    /// A word from the phrasebook's vocabulary (a role's or a phase's name).
    case term(Term)
    /// A command's usage line from the phrasebook.
    case usage(Verb)
    /// A command's help text from the phrasebook.
    case help(Verb)
    /// Several values joined by the phrasebook's list separator.
    case list([PhraseValue])
    /// Nested lines, rendered each on its own line (the board's sections).
    case lines([Line])
    /// A channel by its platform id and name, rendered as the platform links a channel
    /// (`<#C123>`, `~inc-12-db`, `#inc-12-db`): an incident's room.
    case channel(id: String, name: String)
}
