import Foundation
import Yams

/// Reading a configuration file's text and composing it into YAML nodes, with every failure
/// turned into a `ConfigError` that names the file (and the line, when YAML gives one).
enum YAMLSource {
    /// The UTF-8 text of the file at `path`.
    static func text(at path: String) throws(ConfigError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(problems: [
                .init(file: path, line: nil, column: nil, message: "can't read the file: \(reason(for: path, error))")
            ])
        }
    }

    /// Why the file at `path` could not be read, in words.
    private static func reason(for path: String, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "there is no such file"
        }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "it is not UTF-8 text (\(error.localizedDescription))"
    }

    /// The single YAML document in `yaml`, or nil for an empty file.
    static func compose(_ yaml: String, file: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(problems: [problem(for: error, in: yaml, file: file)])
        } catch {
            throw ConfigError(problems: [
                .init(file: file, line: nil, column: nil, message: "not valid YAML: \(error)")
            ])
        }
    }

    /// A YAML error as a problem at the position YAML reports.
    private static func problem(for error: YamlError, in yaml: String, file: String) -> ConfigError.Problem {
        func at(_ mark: Mark, _ message: String) -> ConfigError.Problem {
            .init(file: file, line: mark.line, column: mark.column, message: message)
        }
        func explained(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "not valid YAML: \(problem)" }
            return "not valid YAML: \(problem) (\(context.text) at \(context.mark.line):\(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return at(mark, explained(problem, context))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return at(context.mark, "a key appears twice in this mapping: \(keys)")
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofCharacter: $0, in: yaml) } ?? (nil, nil)
            return .init(file: file, line: line, column: column, message: "not readable as YAML: \(problem)")
        default:
            return .init(file: file, line: nil, column: nil, message: "not valid YAML: \(error)")
        }
    }

    /// The 1-based line and column of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (Int?, Int?) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
