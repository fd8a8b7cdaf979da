import DeputyCore
import Foundation

extension Setting {
    /// A whole number within `range`.
    static func count(
        _ key: String, _ path: WritableKeyPath<Root, Int>, in range: ClosedRange<Int>, unit: String
    )
        -> Setting
    {
        Setting(key: key, subkeys: []) { reader, entry, root in
            if let count = reader.count(entry, in: range, unit: unit) { root[keyPath: path] = count }
        }
    }

    /// A list of single words, kept lowercased.
    static func words(_ key: String, _ path: WritableKeyPath<Root, Set<String>>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let phrases = reader.phrases(entry, singleWords: true) else { return }
            root[keyPath: path] = Set(phrases)
        }
    }

    /// A list of words or short phrases, kept lowercased with single spaces.
    static func phrases(_ key: String, _ path: WritableKeyPath<Root, [String]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            if let phrases = reader.phrases(entry, singleWords: false) { root[keyPath: path] = phrases }
        }
    }

    /// A mapping from a word or phrase to the one to use instead, keys kept lowercased with
    /// single spaces, values as written.
    static func replacements(_ key: String, _ path: WritableKeyPath<Root, [String: String]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let section = reader.section(entry, known: nil) else { return }
            var replacements: [String: String] = [:]
            for item in section.entries {
                guard let better = reader.scalar(item, expected: "the words to use instead") else { continue }
                let words = item.key.lowercased().split(whereSeparator: \.isWhitespace)
                guard !words.isEmpty else {
                    reader.report(item.path, "the key is empty", at: item.keyNode)
                    continue
                }
                replacements[words.joined(separator: " ")] = better
            }
            root[keyPath: path] = replacements
        }
    }

    /// A list of identifiers, kept as written (ids are case-sensitive).
    static func texts(_ key: String, _ path: WritableKeyPath<Root, [String]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let items = reader.list(entry, expected: "a list like [T0123, slack/C0456]") else { return }
            var texts: [String] = []
            for item in items {
                guard let text = reader.scalar(item, expected: "an id like T0123 or slack/C0456") else { continue }
                guard !text.contains(where: \.isWhitespace) else {
                    reader.report(item.path, "\"\(text)\" has a space; ids have none", at: item.value)
                    continue
                }
                texts.append(text)
            }
            root[keyPath: path] = texts
        }
    }

    /// A text file of words, one a line (`#` starts a comment line), named relative to the file
    /// being read; empty for none.
    static func wordFile(_ key: String, _ path: WritableKeyPath<Root, Set<String>>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            if entry.value.isEmptyValue {
                root[keyPath: path] = []
                return
            }
            guard let name = reader.scalar(entry, expected: "a file name like verbs.txt") else { return }
            let folder = URL(fileURLWithPath: reader.file).deletingLastPathComponent()
            let file = name.hasPrefix("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path),
                let text = String(data: data, encoding: .utf8)
            else {
                reader.report(entry.path, "can't read \(file.path): no such readable UTF-8 file", at: entry.value)
                return
            }
            let words = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { $0.lowercased() }
            guard !words.isEmpty else {
                reader.report(entry.path, "\(file.path) lists no words", at: entry.value)
                return
            }
            root[keyPath: path] = Set(words)
        }
    }
}

extension ConfigReader {
    /// The items of a list of words (or, unless `singleWords`, short phrases), lowercased with
    /// single spaces; nil (reported) for anything else.
    func phrases(_ entry: ConfigEntry, singleWords: Bool) -> [String]? {
        let expected = singleWords ? "a list of words like [investigate, explore]" : "a list of words or phrases"
        guard let items = list(entry, expected: expected) else { return nil }
        var phrases: [String] = []
        for item in items {
            guard let text = scalar(item, expected: singleWords ? "a word" : "a word or a phrase") else { continue }
            let words = text.lowercased().split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty, !singleWords || words.count == 1 else {
                report(item.path, "\"\(text)\" is not a single word", at: item.value)
                continue
            }
            phrases.append(words.joined(separator: " "))
        }
        return phrases
    }
}
