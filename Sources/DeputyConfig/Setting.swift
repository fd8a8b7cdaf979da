import DeputyCore
import Foundation

/// One key of a YAML mapping and how to read its value into a `Root`. A schema is a list of
/// settings, nested with `section`; the keys it knows are exactly the keys it accepts.
struct Setting<Root> {
    /// The key as written in YAML, snake_case.
    let key: String
    /// The dotted keys under this one (`ask_at`, `declarer_at` under `ic_claim`); empty for a leaf.
    let subkeys: [String]
    /// Reads the entry into `root`, reporting problems to the reader.
    let read: (ConfigReader, ConfigEntry, inout Root) -> Void

    /// This key and every key under it, dotted (`ic_claim`, `ic_claim.ask_at`, …).
    var paths: [String] {
        [key] + subkeys.map { "\(key).\($0)" }
    }

    /// A mapping of further settings into the same root. `check` sees the result and returns a
    /// problem to report at the section's key, if any.
    static func section(
        _ key: String, _ settings: [Setting<Root>], check: @escaping (Root) -> String? = { _ in nil }
    ) -> Setting {
        Setting(key: key, subkeys: settings.flatMap(\.paths)) { reader, entry, root in
            guard let section = reader.section(entry, known: settings.map(\.key)) else { return }
            reader.apply(settings, from: section, to: &root)
            if let problem = check(root) { reader.report(entry.path, problem, at: entry.keyNode) }
        }
    }

    /// `true` or `false`.
    static func flag(_ key: String, _ path: WritableKeyPath<Root, Bool>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in reader.flag(entry, into: &root[keyPath: path]) }
    }

    /// A duration: `3m`, `90s`, `1h30m`.
    static func duration(_ key: String, _ path: WritableKeyPath<Root, Span>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in reader.duration(entry, into: &root[keyPath: path]) }
    }

    /// A duration or `off`.
    static func durationOrOff(_ key: String, _ path: WritableKeyPath<Root, Span?>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            reader.durationOrOff(entry, into: &root[keyPath: path])
        }
    }

    /// A duration that, when given, replaces nil (an override); `off` is not allowed.
    static func durationIfGiven(_ key: String, _ path: WritableKeyPath<Root, Span?>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            var span = Span(seconds: 0)
            if reader.duration(entry, into: &span) { root[keyPath: path] = span }
        }
    }

    /// A list of durations, each later than the last.
    static func durations(_ key: String, _ path: WritableKeyPath<Root, [Span]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in reader.durations(entry, into: &root[keyPath: path]) }
    }

    /// A whole number within `range` that, when given, replaces nil (an override).
    static func countIfGiven(
        _ key: String, _ path: WritableKeyPath<Root, Int?>, in range: ClosedRange<Int>, unit: String
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            if let count = reader.count(entry, in: range, unit: unit) { root[keyPath: path] = count }
        }
    }

    /// A local time of day, `HH:MM`.
    static func timeOfDay(_ key: String, _ path: WritableKeyPath<Root, TimeOfDay>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in reader.timeOfDay(entry, into: &root[keyPath: path]) }
    }

    /// A duration per severity level: `{1: 20m, 2: 30m}`.
    static func durationBySeverity(_ key: String, _ path: WritableKeyPath<Root, [Int: Span]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            reader.bySeverity(entry, into: &root[keyPath: path]) { item in
                var span = Span(seconds: 0)
                return reader.duration(item, into: &span) ? span : nil
            }
        }
    }

    /// A whole number within `range` per severity level: `{1: 3, 2: 5}`.
    static func countBySeverity(
        _ key: String, _ path: WritableKeyPath<Root, [Int: Int]>, in range: ClosedRange<Int>, unit: String
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            reader.bySeverity(entry, into: &root[keyPath: path]) { item in
                reader.count(item, in: range, unit: unit)
            }
        }
    }

    /// A mapping from priority (`p1` … `p5`) to the severity it means (`1` or `sev1`); the
    /// priorities left out keep their own level.
    static func severityByPriority(_ key: String, _ path: WritableKeyPath<Root, [Int: Severity]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let section = reader.section(entry, known: nil) else { return }
            var result = Severity.standardPriorities
            var valid = true
            for item in section.entries {
                let name = item.key.lowercased()
                guard name.hasPrefix("p"), let level = Int(name.dropFirst()), (1...5).contains(level) else {
                    reader.report(item.path, "\"\(item.key)\" is not a priority (use p1 to p5)", at: item.keyNode)
                    valid = false
                    continue
                }
                guard let text = reader.scalar(item, expected: "a severity, 1 to 5"),
                    let severity = Severity(parsing: text)
                else {
                    reader.report(item.path, "not a severity (use 1 to 5, or sev1 to sev5)", at: item.value)
                    valid = false
                    continue
                }
                result[level] = severity
            }
            if valid { root[keyPath: path] = result }
        }
    }
}
