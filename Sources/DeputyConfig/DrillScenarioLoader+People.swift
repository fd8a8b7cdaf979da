import DeputyCore
import Foundation
import Yams

extension DrillScenarioLoader {
    /// The keys a person may have.
    static let personKeys = ["name", "role", "silent_from"]

    /// The people in the list `entry`, each added to `bounds`; the ones with problems left out
    /// (and reported), as are names given twice. A person whose name is valid is known to the rest
    /// of the file even when the rest of their item is not, so one mistake is reported once.
    static func people(
        _ entry: ConfigEntry, bounds: inout ScenarioBounds, reader: ConfigReader
    ) -> [DrillScenario.Person] {
        let expected = "a list of people, each starting with `- name:`"
        var people: [DrillScenario.Person] = []
        var listed: [String: Int] = [:]
        for (index, item) in items(entry, expected: expected, reader: reader).enumerated() {
            guard let section = reader.section(item, known: personKeys) else { continue }
            let name = required("name", in: section, item, "the name people mention them by, like dana", reader)
                .flatMap { self.name($0, reader: reader) }
            if let name, let earlier = listed[name] {
                reader.report(
                    "\(item.path).name", "\(name) is already people[\(earlier + 1)]; each person is listed once",
                    at: section["name"]?.value)
                continue
            }
            let role = required("role", in: section, item, "who they are, like database on-call", reader)
                .flatMap { text($0, expected: "who they are, like database on-call", reader: reader) }
            let silentFrom = section["silent_from"].map { bounds.offset($0, reader: reader) }
            guard let name else { continue }
            listed[name] = index
            bounds.people[name] = (silentFrom ?? nil, section["silent_from"]?.value.scalar?.string ?? "")
            guard let role, silentFrom != .some(nil) else { continue }
            people.append(DrillScenario.Person(name: name, role: role, silentFrom: silentFrom ?? nil))
        }
        return people
    }

    /// A person's name: 1 to 64 lower-case letters, digits, `.`, `_` and `-`, as people mention
    /// them (without the `@`); nil (reported) otherwise.
    private static func name(_ entry: ConfigEntry, reader: ConfigReader) -> String? {
        guard let text = reader.scalar(entry, expected: "a name like dana") else { return nil }
        let valid = text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".contains($0) }
        guard valid, (1...nameLimit).contains(text.count) else {
            let hint = text.hasPrefix("@") ? " (leave out the @)" : ""
            reader.report(
                entry.path,
                "\"\(text)\" is not a name people can mention: lower-case letters, digits, ., _ and -\(hint)",
                at: entry.value)
            return nil
        }
        return text
    }

    /// `severity`: `2`, `sev2` or `SEV-2`; nil (reported) otherwise.
    static func severity(_ entry: ConfigEntry, reader: ConfigReader) -> Severity? {
        guard let text = reader.scalar(entry, expected: "a severity, 1 to 5") else { return nil }
        guard let severity = Severity(parsing: text) else {
            reader.report(entry.path, "\"\(text)\" is not a severity (use 1 to 5, or sev1 to sev5)", at: entry.value)
            return nil
        }
        return severity
    }

    /// Text that is not blank, trimmed; nil (reported) otherwise. `expected` completes
    /// "expected …".
    static func text(_ entry: ConfigEntry, expected: String, reader: ConfigReader) -> String? {
        guard let text = reader.scalar(entry, expected: expected) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            reader.report(entry.path, "is empty: expected \(expected)", at: entry.value)
            return nil
        }
        return trimmed
    }

    /// The entry for `key` in `section`, an item of a list; nil (reported at the item, with `what`
    /// the key is for) when it is missing.
    static func required(
        _ key: String, in section: ConfigSection, _ item: ConfigEntry, _ what: String, _ reader: ConfigReader
    ) -> ConfigEntry? {
        guard let found = section[key] else {
            reader.report(item.path, "\(key) is missing: \(what)", at: item.value)
            return nil
        }
        return found
    }

    /// The items of the list `entry`, each with its own path (`injects[2]`) and pointing at itself.
    static func items(_ entry: ConfigEntry, expected: String, reader: ConfigReader) -> [ConfigEntry] {
        guard let items = reader.list(entry, expected: expected) else { return [] }
        return items.enumerated().map { index, item in
            ConfigEntry(key: entry.key, path: "\(entry.path)[\(index + 1)]", keyNode: item.value, value: item.value)
        }
    }
}
