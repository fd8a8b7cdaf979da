import DeputyCore
import Foundation

/// Loads `Phrasebook/<lang>.yaml` into a `Phrasebook`, checking it against the code: every term,
/// verb and phrase key present, no others, and each phrase with exactly its key's placeholders.
/// A broken phrasebook fails with every problem, each at its line and key.
public struct PhrasebookLoader {
    /// The top-level sections of a phrasebook file, in the order they are documented.
    static let sections = ["units", "terms", "usage", "help", "phrases"]

    /// The phrasebook in the YAML file at `path`.
    public static func load(path: String) throws(ConfigError) -> Phrasebook {
        try load(yaml: YAMLSource.text(at: path), file: path)
    }

    /// The phrasebook in `yaml`; `file` names it in problems.
    public static func load(yaml: String, file: String) throws(ConfigError) -> Phrasebook {
        let root = try YAMLSource.compose(yaml, file: file)
        let reader = ConfigReader(file: file)
        var phrasebook = Phrasebook(phrases: [:], usage: [:], help: [:], terms: [:])
        if let top = reader.root(root, known: sections) {
            for name in sections where top[name] == nil {
                reader.report(name, "missing section", atStartOf: top)
            }
            if let units = top["units"] { phrasebook.units = reader.units(units) }
            if let terms = top["terms"] {
                phrasebook.terms = reader.everyCase(of: Term.self, in: terms, read: reader.text)
            }
            if let usage = top["usage"] {
                phrasebook.usage = reader.everyCase(of: Verb.self, in: usage, read: reader.text)
            }
            if let help = top["help"] { phrasebook.help = reader.everyCase(of: Verb.self, in: help, read: reader.text) }
            if let phrases = top["phrases"] {
                phrasebook.phrases = reader.everyCase(of: PhraseKey.self, in: phrases, read: reader.phrase)
            }
        }
        try reader.finish()
        return phrasebook
    }
}
