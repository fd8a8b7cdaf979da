import DeputyCore
import Yams

extension ConfigReader {
    /// The text of a single value, or nil (reported) for an empty value, a list or a mapping.
    /// `expected` completes "expected …" in the problem: "a duration like 5m".
    func scalar(_ entry: ConfigEntry, expected: String) -> String? {
        guard case .scalar(let scalar) = entry.value, !entry.value.isEmptyValue else {
            report(entry.path, "expected \(expected), found \(entry.value.kind)", at: entry.value)
            return nil
        }
        return scalar.string
    }

    /// Reads `true` or `false` into `target`.
    func flag(_ entry: ConfigEntry, into target: inout Bool) {
        guard case .scalar = entry.value, let value = entry.value.bool else {
            report(entry.path, "expected true or false, found \(entry.value.kind)", at: entry.value)
            return
        }
        target = value
    }

    /// Reads a duration (`3m`, `90s`, `1h30m`) into `target`; false (reported) if it is not one.
    @discardableResult
    func duration(_ entry: ConfigEntry, into target: inout Span) -> Bool {
        guard let text = scalar(entry, expected: "a duration like 5m, 90s or 1h30m") else { return false }
        if let span = Span(parsing: text) {
            target = span
            return true
        }
        if let number = Int(text), number > 0 {
            report(
                entry.path, "\"\(text)\" has no unit (write \(number)m for minutes, \(number)s for seconds)",
                at: entry.value)
        } else {
            report(entry.path, "\"\(text)\" is not a duration (try 5m, 90s, 1h30m)", at: entry.value)
        }
        return false
    }

    /// Reads a duration, or `off` (also `false`, `never`, `none`, or an empty value) for none.
    func durationOrOff(_ entry: ConfigEntry, into target: inout Span?) {
        if entry.value.isOff {
            target = nil
            return
        }
        var span = Span(seconds: 0)
        if duration(entry, into: &span) { target = span }
    }

    /// The items of a list, each read under the list's path; an empty value is an empty list.
    /// Nil (reported) for anything but a list.
    func list(_ entry: ConfigEntry, expected: String) -> [ConfigEntry]? {
        if entry.value.isEmptyValue { return [] }
        guard case .sequence(let sequence) = entry.value else {
            report(entry.path, "expected \(expected), found \(entry.value.kind)", at: entry.value)
            return nil
        }
        return sequence.map(entry.item)
    }

    /// Reads a list of durations, each later than the one before (`off` or `[]` for none).
    func durations(_ entry: ConfigEntry, into target: inout [Span]) {
        if entry.value.isOff {
            target = []
            return
        }
        guard let items = list(entry, expected: "a list of durations like [3m, 6m]") else { return }
        var spans: [Span] = []
        var valid = true
        for item in items {
            var span = Span(seconds: 0)
            guard duration(item, into: &span) else {
                valid = false
                continue
            }
            if let last = spans.last, span <= last {
                report(item.path, "\(item.value.kind) must come later than the one before it", at: item.value)
                valid = false
            }
            spans.append(span)
        }
        if valid { target = spans }
    }

    /// A whole number within `range`; nil (reported) otherwise. `unit` names it: "business days".
    func count(_ entry: ConfigEntry, in range: ClosedRange<Int>, unit: String) -> Int? {
        guard let text = scalar(entry, expected: "a whole number of \(unit)") else { return nil }
        guard let number = Int(text) else {
            report(entry.path, "\"\(text)\" is not a whole number of \(unit)", at: entry.value)
            return nil
        }
        guard range.contains(number) else {
            report(
                entry.path, "\(number) is out of range (\(range.lowerBound) to \(range.upperBound) \(unit))",
                at: entry.value)
            return nil
        }
        return number
    }

    /// Reads a local time of day, `HH:MM` on a 24-hour clock.
    func timeOfDay(_ entry: ConfigEntry, into target: inout TimeOfDay) {
        guard let text = scalar(entry, expected: "a time like \"10:00\"") else { return }
        guard let time = TimeOfDay(parsing: text) else {
            report(
                entry.path, "\"\(text)\" is not a time of day (write HH:MM on a 24-hour clock, like \"10:00\")",
                at: entry.value)
            return
        }
        target = time
    }

    /// Reads a mapping from severity (`1` or `sev1`) to a value read by `value`, replacing
    /// `target` as a whole. Nothing changes if any entry is wrong.
    func bySeverity<Value>(
        _ entry: ConfigEntry, into target: inout [Int: Value], value: (ConfigEntry) -> Value?
    ) {
        guard let section = section(entry, known: nil) else { return }
        var result: [Int: Value] = [:]
        var valid = true
        for item in section.entries {
            guard let severity = Severity(parsing: item.key) else {
                report(item.path, "\"\(item.key)\" is not a severity (use 1 to 5, or sev1 to sev5)", at: item.keyNode)
                valid = false
                continue
            }
            guard let read = value(item) else {
                valid = false
                continue
            }
            result[severity.level] = read
        }
        if valid { target = result }
    }
}
