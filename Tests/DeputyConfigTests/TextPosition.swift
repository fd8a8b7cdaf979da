import Foundation

/// Where a piece of text first appears in a test's YAML, 1-based like the problems report it.
struct TextPosition: Equatable, CustomStringConvertible {
    /// The line, from 1.
    var line: Int
    /// The column, from 1.
    var column: Int

    /// The position of the first occurrence of `needle` in `text`, or nil.
    init?(of needle: String, in text: String) {
        for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = content.range(of: needle) {
                self.line = index + 1
                self.column = content.distance(from: content.startIndex, to: range.lowerBound) + 1
                return
            }
        }
        return nil
    }

    /// The position of the first line of `text` that starts with `prefix` (a top-level key).
    init?(lineStartingWith prefix: String, in text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return nil }
        self.line = index + 1
        self.column = 1
    }

    /// `line:column`.
    var description: String { "\(line):\(column)" }
}
