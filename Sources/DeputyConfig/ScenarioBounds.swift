import DeputyCore
import Yams

/// What the rest of a scenario file is checked against while it is read: when the drill ends and
/// who is in it (and when each goes silent), as the file wrote them.
struct ScenarioBounds {
    /// `ends_after`, when given and valid.
    var endsAfter: Span?
    /// `ends_after` as written, for problems.
    var endsAfterText = ""
    /// Each person's name and `silent_from`, with how it was written.
    var people: [String: (silentFrom: Span?, text: String)] = [:]

    /// Reads `ends_after`.
    mutating func readEnd(_ entry: ConfigEntry, reader: ConfigReader) {
        var span = Span(seconds: 0)
        guard reader.duration(entry, into: &span) else { return }
        endsAfter = span
        endsAfterText = entry.value.scalar?.string ?? ""
    }

    /// The offset in `entry` (`at`, `by`, `silent_from`); nil (reported) when it is not a duration
    /// or comes after `ends_after`, when nothing would happen any more.
    func offset(_ entry: ConfigEntry, reader: ConfigReader) -> Span? {
        var span = Span(seconds: 0)
        guard reader.duration(entry, into: &span) else { return nil }
        if let endsAfter, span > endsAfter {
            reader.report(
                entry.path, "\(entry.value.kind) comes after ends_after (\(endsAfterText)), when the drill is over",
                at: entry.value)
            return nil
        }
        return span
    }

    /// The person `entry` names (`from`, `reassign`); nil (reported) when the scenario does not
    /// play them.
    func person(_ entry: ConfigEntry, reader: ConfigReader) -> String? {
        guard let name = reader.scalar(entry, expected: "the name of one of people") else { return nil }
        let known = name.hasPrefix("@") ? String(name.dropFirst()) : name
        guard people[known] != nil else {
            let list = people.keys.sorted().joined(separator: ", ")
            let expected = people.isEmpty ? "people lists no one" : "expected one of: \(list)"
            reader.report(entry.path, "\"\(name)\" is not one of people (\(expected))", at: entry.value)
            return nil
        }
        return known
    }
}
