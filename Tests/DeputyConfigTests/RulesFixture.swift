import DeputyConfig
import DeputyCore

/// Loading small rules files written inline by the tests.
enum RulesFixture {
    /// The file name problems are reported against.
    static let file = "Config/rules.yaml"

    /// The problems loading `yaml` reports; empty if it loads.
    static func problems(in yaml: String) -> [ConfigError.Problem] {
        do {
            _ = try RulesLoader.load(yaml: yaml, file: file)
            return []
        } catch {
            return error.problems
        }
    }

    /// The one problem loading `yaml` reports, as `file:line:column: message`; nil unless exactly one.
    static func problem(in yaml: String) -> String? {
        let problems = problems(in: yaml)
        return problems.count == 1 ? problems[0].description : nil
    }
}
