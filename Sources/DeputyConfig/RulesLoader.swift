import DeputyCore
import Foundation

/// Loads `Config/rules.yaml` into `Rules`. Keys left out keep the defaults of `Rules()`; every
/// problem in the file is reported at once, each with its line, column and dotted key.
public struct RulesLoader {
    /// The rules in the YAML file at `path`.
    public static func load(path: String) throws(ConfigError) -> Rules {
        try load(yaml: YAMLSource.text(at: path), file: path)
    }

    /// The rules in `yaml`; `file` names it in problems.
    public static func load(yaml: String, file: String) throws(ConfigError) -> Rules {
        let root = try YAMLSource.compose(yaml, file: file)
        let reader = ConfigReader(file: file)
        var rules = Rules()
        let schema = schema
        if let section = reader.root(root, known: schema.map(\.key)) {
            reader.apply(schema, from: section, to: &rules)
        }
        try reader.finish()
        return rules
    }

    /// Every dotted key the file accepts (`ic_claim.ask_at`, `overrides.sevN.default_timebox`),
    /// in schema order: the list the documentation covers.
    public static var keys: [String] {
        schema.flatMap(\.paths)
    }
}
