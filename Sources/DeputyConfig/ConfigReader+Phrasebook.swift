import DeputyCore
import Foundation

extension ConfigReader {
    /// Reads a section with one entry for each case of `Key`, by raw value: reports unknown keys,
    /// and each missing one at the section's key.
    func everyCase<Key: CaseIterable & RawRepresentable & Hashable, Value>(
        of _: Key.Type, in entry: ConfigEntry, read: (ConfigEntry, Key) -> Value?
    ) -> [Key: Value] where Key.RawValue == String {
        guard let section = section(entry, known: Key.allCases.map(\.rawValue)) else { return [:] }
        var values: [Key: Value] = [:]
        for key in Key.allCases {
            guard let item = section[key.rawValue] else {
                report(section.path(of: key.rawValue), "missing", atStartOf: section)
                continue
            }
            values[key] = read(item, key)
        }
        return values
    }

    /// Non-blank text: a term, a usage line or a help entry.
    func text<Key>(_ entry: ConfigEntry, _: Key) -> String? {
        nonBlank(entry)
    }

    /// A phrase: a template whose placeholders are exactly the ones the code fills for `key`.
    func phrase(_ entry: ConfigEntry, _ key: PhraseKey) -> Template? {
        guard let template = template(entry) else { return nil }
        let found = Set(template.placeholders)
        let missing = key.placeholders.subtracting(found)
        let unexpected = found.subtracting(key.placeholders)
        guard missing.isEmpty, unexpected.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(Self.braced(missing))") }
            if !unexpected.isEmpty { parts.append("unexpected \(Self.braced(unexpected))") }
            let expected = key.placeholders.isEmpty ? "none" : Self.braced(key.placeholders)
            report(
                entry.path, "placeholders don't match: \(parts.joined(separator: "; ")) (expected \(expected))",
                at: entry.value)
            return nil
        }
        return template
    }

    /// Non-blank text read as a template, its syntax problems reported.
    private func template(_ entry: ConfigEntry) -> Template? {
        guard let text = nonBlank(entry) else { return nil }
        do {
            return try Template(parsing: text)
        } catch {
            report(entry.path, "\(error)", at: entry.value)
            return nil
        }
    }

    /// The words for durations and lists; each one left out keeps the English default.
    func units(_ entry: ConfigEntry) -> Phrasebook.Units {
        var units = Phrasebook.Units()
        let keys = ["second", "minute", "hour", "separator", "list_separator", "weekdays", "months", "date"]
        guard let section = section(entry, known: keys) else { return units }
        for key in keys where section[key] == nil {
            report(section.path(of: key), "missing", atStartOf: section)
        }
        if let item = section["second"], let plural = plural(item) { units.second = plural }
        if let item = section["minute"], let plural = plural(item) { units.minute = plural }
        if let item = section["hour"], let plural = plural(item) { units.hour = plural }
        if let item = section["separator"], let text = nonEmpty(item) { units.separator = text }
        if let item = section["list_separator"], let text = nonEmpty(item) { units.listSeparator = text }
        if let item = section["weekdays"], let names = names(item, count: 7, example: "[Sunday, Monday, …]") {
            units.weekdays = names
        }
        if let item = section["months"], let names = names(item, count: 12, example: "[January, February, …]") {
            units.months = names
        }
        if let item = section["date"], let format = dateFormat(item) { units.date = format }
        return units
    }

    /// A list of exactly `count` non-blank names.
    private func names(_ entry: ConfigEntry, count: Int, example: String) -> [String]? {
        let expected = "a list of \(count) names like \(example)"
        guard let items = list(entry, expected: expected) else { return nil }
        guard items.count == count else {
            report(entry.path, "expected \(expected), found a list of \(items.count)", at: entry.value)
            return nil
        }
        let names = items.compactMap { nonBlank($0) }
        return names.count == count ? names : nil
    }

    /// How a day is written: a template using only `{weekday}`, `{day}` and `{month}`.
    private func dateFormat(_ entry: ConfigEntry) -> String? {
        guard let template = template(entry), let text = scalar(entry, expected: "text") else { return nil }
        let unexpected = Set(template.placeholders).subtracting(Phrasebook.Units.datePlaceholders)
        guard unexpected.isEmpty else {
            report(
                entry.path,
                "unexpected \(Self.braced(unexpected)) (a date may use {weekday}, {day} and {month})", at: entry.value)
            return nil
        }
        return text
    }

    /// `[singular, plural]`.
    private func plural(_ entry: ConfigEntry) -> Phrasebook.Plural? {
        let expected = "[singular, plural] like [minute, minutes]"
        guard let items = list(entry, expected: expected) else { return nil }
        guard items.count == 2 else {
            report(entry.path, "expected \(expected), found a list of \(items.count)", at: entry.value)
            return nil
        }
        guard let one = nonBlank(items[0]), let other = nonBlank(items[1]) else { return nil }
        return Phrasebook.Plural(one: one, other: other)
    }

    /// Text that is not blank (not empty, not only spaces).
    private func nonBlank(_ entry: ConfigEntry) -> String? {
        if entry.value.isEmptyValue {
            report(entry.path, "is empty", at: entry.value)
            return nil
        }
        guard let text = scalar(entry, expected: "text") else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            report(entry.path, "is empty", at: entry.value)
            return nil
        }
        return text
    }

    /// Text that is not empty; spaces count (a separator may be " ").
    private func nonEmpty(_ entry: ConfigEntry) -> String? {
        if entry.value.isEmptyValue {
            report(entry.path, "is empty", at: entry.value)
            return nil
        }
        guard let text = scalar(entry, expected: "text") else { return nil }
        guard !text.isEmpty else {
            report(entry.path, "is empty", at: entry.value)
            return nil
        }
        return text
    }

    /// `{a}, {b}` in name order.
    private static func braced(_ names: Set<String>) -> String {
        names.sorted().map { "{\($0)}" }.joined(separator: ", ")
    }
}
