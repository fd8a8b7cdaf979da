import DeputyCore
import Foundation
import Yams

/// Loads the drill scenarios: every `*.yaml` in a folder (`Config/drills`, or the one named by
/// `DEPUTY_DRILLS`), one scenario each, named by its file. Every problem in every file is
/// reported at once, each with its file, line, column and key.
public enum DrillScenarioLoader {
    /// The variable naming the scenarios' folder.
    public static let folderVariable = "DEPUTY_DRILLS"

    /// The keys a scenario file may have.
    static let keys = ["title", "severity", "briefing", "ends_after", "people", "injects", "facts", "expect"]

    /// The longest scenario name.
    static let nameLimit = 64

    /// The scenarios in the folder `drills` names, by name. The default folder may be absent (no
    /// scenarios); one named by `DEPUTY_DRILLS`, the settings file or a flag must exist.
    public static func load(_ drills: DaemonSettings.Drills) throws(ConfigError) -> [String: DrillScenario] {
        try load(folder: drills.folder, namedBy: drills.namedBy)
    }

    /// The scenarios in the `*.yaml` files of `folder`, by name. When `namedBy` is nil a missing
    /// folder means no scenarios; otherwise it is a problem saying who named the folder. Files
    /// whose names start with a dot (an editor's) are passed over.
    public static func load(folder: String, namedBy: String? = nil) throws(ConfigError) -> [String: DrillScenario] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            guard let namedBy else { return [:] }
            throw problem(folder, "there is no such folder (named by \(namedBy))")
        }
        guard isFolder.boolValue else { throw problem(folder, "not a folder of scenario files") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw problem(folder, "can't read the folder: \(error.localizedDescription)")
        }
        var scenarios: [String: DrillScenario] = [:]
        var problems: [ConfigError.Problem] = []
        for file in names.sorted() where file.hasSuffix(".yaml") && !file.hasPrefix(".") {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
            let name = String(file.dropLast(".yaml".count))
            guard isName(name) else {
                problems.append(
                    .init(
                        file: path, line: nil, column: nil,
                        message: "\"\(name)\" is not a scenario name: name the file with lower-case letters, "
                            + "digits and dashes (up to \(nameLimit)), like slow-database.yaml"))
                continue
            }
            do {
                let yaml = try YAMLSource.text(at: path)
                scenarios[name] = try load(yaml: yaml, file: path, name: name)
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return scenarios
    }

    /// The scenario named `name` in `yaml`; `file` names it in problems.
    public static func load(yaml: String, file: String, name: String) throws(ConfigError) -> DrillScenario {
        let root = try YAMLSource.compose(yaml, file: file)
        let reader = ConfigReader(file: file)
        let read = reader.root(root, known: keys).flatMap { scenario(name: name, $0, reader: reader) }
        try reader.finish()
        guard let scenario = read else {
            throw ConfigError(problems: [.init(file: file, line: 1, column: 1, message: "not a drill scenario")])
        }
        return scenario
    }

    /// Whether `text` may name a scenario: 1 to 64 lower-case letters, digits and dashes,
    /// starting with a letter or a digit (`/ic drill start slow-database`).
    public static func isName(_ text: String) -> Bool {
        guard let first = text.first, first != "-", text.count <= nameLimit else { return false }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// What `deputy check` says of the scenarios found in `folder`: their names, or why there are
    /// none.
    public static func summary(_ scenarios: [String: DrillScenario], folder: String) -> String {
        guard scenarios.isEmpty else { return "drills: \(scenarios.keys.sorted().joined(separator: ", "))" }
        let found = FileManager.default.fileExists(atPath: folder)
        return found ? "drills: none (no .yaml files in \(folder))" : "drills: none (no \(folder))"
    }

    /// The scenario in `section`, the top of a file; nil when anything in it is wrong (every
    /// problem reported).
    private static func scenario(name: String, _ section: ConfigSection, reader: ConfigReader) -> DrillScenario? {
        let before = reader.problems.count
        let title = section["title"].flatMap { text($0, expected: "the drill incident's title", reader: reader) }
        if section["title"] == nil {
            reader.report("title", "is missing: the drill incident's title", atStartOf: section)
        }
        var severity = Severity.highest
        if let entry = section["severity"], let given = self.severity(entry, reader: reader) { severity = given }
        let briefing = section["briefing"].flatMap { entry in
            entry.value.isEmptyValue ? nil : text(entry, expected: "what the team is told at the start", reader: reader)
        }
        var bounds = ScenarioBounds()
        if let entry = section["ends_after"] { bounds.readEnd(entry, reader: reader) }
        let people = section["people"].map { self.people($0, bounds: &bounds, reader: reader) } ?? []
        let injects = section["injects"].map { self.injects($0, bounds: bounds, reader: reader) } ?? []
        let facts = section["facts"].map { self.facts($0, reader: reader) } ?? []
        let expected = section["expect"].map { self.expected($0, bounds: bounds, reader: reader) } ?? []
        guard reader.problems.count == before, let title else { return nil }
        return DrillScenario(
            name: name, title: title, severity: severity, briefing: briefing, endsAfter: bounds.endsAfter,
            people: people, injects: injects, facts: facts, expected: expected)
    }

    /// A problem with the folder as a whole.
    private static func problem(_ folder: String, _ message: String) -> ConfigError {
        ConfigError(problems: [.init(file: folder, line: nil, column: nil, message: message)])
    }
}
