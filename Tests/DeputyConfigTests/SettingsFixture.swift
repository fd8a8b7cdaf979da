import DeputyConfig
import Foundation

/// Loading small daemon settings files written inline by the tests, and secret files on disk.
enum SettingsFixture {
    /// The file name problems are reported against.
    static let file = "Config/deputy.yaml"

    /// Both Slack secrets, given directly.
    static let slackSecrets = ["SLACK_SIGNING_SECRET": "signing-secret-value", "SLACK_BOT_TOKEN": "xoxb-token-value"]

    /// The settings in `yaml` with `environment`.
    static func load(_ yaml: String = "", environment: [String: String] = [:]) throws -> DaemonSettings {
        try DaemonSettingsLoader.load(yaml: yaml, file: file, environment: environment)
    }

    /// The problems loading `yaml` with `environment` reports; empty if it loads.
    static func problems(in yaml: String = "", environment: [String: String] = [:]) -> [ConfigError.Problem] {
        do {
            _ = try DaemonSettingsLoader.load(yaml: yaml, file: file, environment: environment)
            return []
        } catch {
            return error.problems
        }
    }

    /// The one problem loading `yaml` with `environment` reports, as `file:line:column: message`;
    /// nil unless exactly one.
    static func problem(in yaml: String = "", environment: [String: String] = [:]) -> String? {
        let problems = problems(in: yaml, environment: environment)
        return problems.count == 1 ? problems[0].description : nil
    }

    /// A new file in a fresh temporary directory holding `contents`; the directory is removed
    /// after `body`.
    static func withFile<T>(
        _ contents: String, named name: String = "secret", _ body: (String) throws -> T
    ) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("deputy-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }
}
