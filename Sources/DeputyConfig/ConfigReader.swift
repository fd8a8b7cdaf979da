import DeputyCore
import Yams

/// Reads one YAML file's nodes into values, collecting every problem rather than stopping at the
/// first. Lives only for one load; the loaders call `finish()` to throw what it found.
final class ConfigReader {
    /// The file name every problem is reported against.
    let file: String
    /// Every problem found so far, in the order found.
    private(set) var problems: [ConfigError.Problem] = []

    /// A reader for the file named `file`.
    init(file: String) {
        self.file = file
    }

    /// Records `message` at `node`'s position (or with no position when there is no node).
    func report(_ message: String, at node: Node?) {
        let mark = node?.mark
        problems.append(.init(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    /// Records "`path`: `message`" at `node`'s position.
    func report(_ path: String, _ message: String, at node: Node?) {
        report(path.isEmpty ? message : "\(path): \(message)", at: node)
    }

    /// Records "`path`: `message`" at the key naming `section`, or at the top of the file.
    func report(_ path: String, _ message: String, atStartOf section: ConfigSection) {
        if let keyNode = section.keyNode {
            report(path, message, at: keyNode)
        } else {
            problems.append(.init(file: file, line: 1, column: 1, message: "\(path): \(message)"))
        }
    }

    /// Throws every problem found, if there were any, in file order.
    func finish() throws(ConfigError) {
        guard !problems.isEmpty else { return }
        let ordered = problems.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }
        throw ConfigError(problems: ordered.map(\.element))
    }

    /// The top of the file as a section whose keys must be among `known`. An empty file is an
    /// empty section.
    func root(_ node: Node?, known: [String]) -> ConfigSection? {
        guard let node else { return ConfigSection(path: "", keyNode: nil, entries: []) }
        return section(ConfigEntry(key: "", path: "", keyNode: nil, value: node), known: known)
    }

    /// `entry`'s value as a section whose keys must be among `known` (any key when nil); an empty
    /// value is an empty section. Reports, and leaves out, unknown keys; nil if not a mapping.
    func section(_ entry: ConfigEntry, known: [String]?) -> ConfigSection? {
        let empty = ConfigSection(path: entry.path, keyNode: entry.keyNode, entries: [])
        if entry.value.isEmptyValue { return empty }
        guard let mapping = entry.value.mapping else {
            report(entry.path, "expected a mapping of `key: value` lines, found \(entry.value.kind)", at: entry.value)
            return nil
        }
        var entries: [ConfigEntry] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(entry.path, "a key must be a plain word, found \(keyNode.kind)", at: keyNode)
                continue
            }
            let path = empty.path(of: key)
            if let known, !known.contains(key) {
                report(path, Self.unknownKey(key, known: known), at: keyNode)
                continue
            }
            entries.append(ConfigEntry(key: key, path: path, keyNode: keyNode, value: value))
        }
        return ConfigSection(path: entry.path, keyNode: entry.keyNode, entries: entries)
    }

    /// "unknown key" with a suggestion: the likely intended key, or the allowed keys if few.
    private static func unknownKey(_ key: String, known: [String]) -> String {
        if let suggestion = key.closest(in: known) { return "unknown key (did you mean \(suggestion)?)" }
        if known.count <= 12 { return "unknown key (expected one of: \(known.joined(separator: ", ")))" }
        return "unknown key (not one of the \(known.count) keys the code uses)"
    }
}
