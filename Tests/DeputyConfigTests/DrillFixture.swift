import DeputyConfig
import DeputyCore
import Foundation

/// Loading small drill scenarios written inline by the tests, and folders of them on disk.
enum DrillFixture {
    /// The file name problems are reported against.
    static let file = "Config/drills/practice.yaml"

    /// The scenario in `yaml`, named `practice`.
    static func load(_ yaml: String) throws -> DrillScenario {
        try DrillScenarioLoader.load(yaml: yaml, file: file, name: "practice")
    }

    /// The problems loading `yaml` reports, each as `line:column: message`; empty if it loads.
    static func problems(in yaml: String) -> [String] {
        do {
            _ = try DrillScenarioLoader.load(yaml: yaml, file: file, name: "practice")
            return []
        } catch {
            return error.problems.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
        }
    }

    /// The problems in a scenario of `yaml` added to a valid title and two people, `dana` (silent
    /// from 20m) and `exec`, lines counted from the top of the whole file.
    static func problems(after yaml: String) -> [String] {
        problems(in: header + yaml)
    }

    /// The lines `problems(after:)` puts first: 6 of them.
    static let header = """
        title: Practice
        people:
          - {name: dana, role: database on-call, silent_from: 20m}
          - name: exec
            role: VP of Engineering
        ends_after: 1h

        """

    /// A fresh temporary folder holding `files` (name → contents); removed after `body`.
    static func withFolder<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deputy-drills-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, contents) in files {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
        }
        return try body(folder.path)
    }
}
