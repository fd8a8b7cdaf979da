/// The first word of every command; names its usage line and help entry in the phrasebook.
public enum Verb: String, Hashable, Codable, Sendable, CaseIterable {
    case declare, lead, handover, accept, takeover
    case role, join, leave, release
    case propose, suggest, object, decide
    case assign, cancel, ack, found, extend, done, snooze, quiet
    case tasks, status, summary, impact, note, todo, update, sev, phase, page
    case resolve, reopen, postmortem, action, actions, timeline
    case drill, score
    case say, help

    /// Other words people type for the same command.
    public static let aliases: [String: Verb] = [
        "ic": .lead, "claim": .lead, "acknowledge": .ack, "understood": .ack,
        "finding": .found, "severity": .sev, "board": .status, "objection": .object,
        "decision": .decide, "handoff": .handover,
    ]

    /// Reads a verb or one of its aliases, in any case, with or without a colon or comma after
    /// it (`declare: checkout is down`).
    public init?(word: String) {
        var lower = word.lowercased()
        if lower.count > 1, lower.last == ":" || lower.last == "," { lower.removeLast() }
        if let verb = Verb(rawValue: lower) {
            self = verb
        } else if let verb = Verb.aliases[lower] {
            self = verb
        } else {
            return nil
        }
    }
}
