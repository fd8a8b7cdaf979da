/// Everything wrong with a configuration file, gathered in one pass so that one failed start-up
/// names every problem at once.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    /// The problems, in the order they were found.
    public var problems: [Problem]

    /// An error made of `problems`.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// Every problem, one per line: `file:line:column: message`.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// One thing wrong with a file, and where: a position the editor can jump to.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The file as it was named to the loader (`Config/rules.yaml`), or, for a setting read
        /// from the environment, the variable's name (`DEPUTY_PORT`).
        public var file: String
        /// The line, counted from 1, when known.
        public var line: Int?
        /// The column, counted from 1, when known.
        public var column: Int?
        /// What is wrong, starting with the dotted key path when there is one.
        public var message: String

        /// A problem in `file` at `line`:`column`.
        public init(file: String, line: Int?, column: Int?, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// `file:line:column: message`, leaving out whatever part of the position is unknown.
        public var description: String {
            var place = file
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            return "\(place): \(message)"
        }
    }
}
