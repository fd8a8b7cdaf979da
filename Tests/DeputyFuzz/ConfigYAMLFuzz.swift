import DeputyConfig
import DeputyCore
import Foundation

/// A YAML file, through the settings, rules, phrasebook and drill scenario loaders: each loads it
/// or reports problems, never traps; every problem names the file, a line inside it and a reason;
/// the settings summary, which `deputy serve` prints, never shows a secret.
enum ConfigYAMLFuzz {
    /// The file name problems are reported against.
    static let file = "fuzz.yaml"

    /// Secrets given as the environment gives them, so the checks that need them run; values no
    /// YAML in the corpus holds, to look for in the summary.
    static let environment = [
        "SLACK_SIGNING_SECRET": "fuzz-signing-secret-5d1c", "SLACK_BOT_TOKEN": "xoxb-fuzz-bot-token-8e2a",
        "GENERIC_TOKEN": "fuzz-generic-token-41b7",
    ]

    /// Every broken promise on `input`, read as UTF-8.
    static func violations(in input: Data) -> [String] {
        let yaml = String(decoding: input, as: UTF8.self)
        let lines = yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        var found: [String] = []
        do {
            let settings = try DaemonSettingsLoader.load(yaml: yaml, file: file, environment: environment)
            let summary = settings.summary.joined(separator: "\n")
            for secret in environment.values where summary.contains(secret) && !yaml.contains(secret) {
                found.append("settings summary shows a secret: \(summary.debugDescription)")
            }
        } catch {
            found += problems(error, lines: lines, "settings")
        }
        do {
            _ = try RulesLoader.load(yaml: yaml, file: file)
        } catch {
            found += problems(error, lines: lines, "rules")
        }
        do {
            _ = try PhrasebookLoader.load(yaml: yaml, file: file)
        } catch {
            found += problems(error, lines: lines, "phrasebook")
        }
        do {
            _ = try DrillScenarioLoader.load(yaml: yaml, file: file, name: "fuzz")
        } catch {
            found += problems(error, lines: lines, "drill")
        }
        return found
    }

    /// What is wrong with a refusal of a `lines`-line file: no problem, or one without the file,
    /// a line within it, a column from 1, or a reason.
    private static func problems(_ error: ConfigError, lines: Int, _ loader: String) -> [String] {
        guard !error.problems.isEmpty else { return ["\(loader) refused the file without a problem"] }
        var found: [String] = []
        for problem in error.problems {
            let lineInside = problem.line.map { (1...lines + 1).contains($0) } ?? true
            let columnValid = problem.column.map { $0 >= 1 } ?? true
            // A problem from the environment or the defaults names its variable or `default`, no line.
            let fileNamed = problem.file == file || problem.line == nil
            if !lineInside || !columnValid || !fileNamed || problem.message.isEmpty {
                found.append("\(loader) problem out of place: \(problem.description.debugDescription)")
            }
        }
        return found
    }
}
