extension SlackEncoder {
    /// `text` in pieces of at most `limit` UTF-16 units, cut between lines where possible.
    ///
    /// Whole lines are packed into each piece; blank lines where a piece ends or begins are
    /// dropped. A line longer than `limit` is cut at its last
    /// whitespace that fits, and never inside `<…>` markup or a `&…;` entity, so no mention or
    /// escape is broken; a line with no such place is cut at the limit. A single character
    /// longer than `limit` (a huge grapheme cluster) becomes a piece of its own.
    public static func split(_ text: String, limit: Int) -> [String] {
        guard text.utf16.count > limit else { return [text] }
        var pieces: [String] = []
        var lines: [Substring] = []
        var used = 0
        func flush() {
            while lines.last?.isEmpty == true { lines.removeLast() }
            if !lines.isEmpty { pieces.append(lines.joined(separator: "\n")) }
            lines = []
            used = 0
        }
        for var line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf16.count
            let needed = (lines.isEmpty ? 0 : 1) + length
            if used + needed <= limit {
                lines.append(line)
                used += needed
                continue
            }
            flush()
            while line.utf16.count > limit {
                let (head, tail) = cut(line, limit: limit)
                pieces.append(String(head))
                line = tail
            }
            if !line.isEmpty {
                lines = [line]
                used = line.utf16.count
            }
        }
        flush()
        return pieces
    }

    /// The longest safe head of `line` within `limit`, and the rest without its leading spaces.
    private static func cut(_ line: Substring, limit: Int) -> (Substring, Substring) {
        var end = line.startIndex
        var used = 0
        while end < line.endIndex {
            let width = line[end].utf16.count
            guard used + width <= limit else { break }
            used += width
            end = line.index(after: end)
        }
        if end == line.startIndex { end = line.index(after: end) }
        var cutAt = end
        if end < line.endIndex, let space = line[..<end].lastIndex(where: \.isWhitespace), space > line.startIndex {
            cutAt = space
        }
        for (open, close) in [("<", ">"), ("&", ";")] as [(Character, Character)] {
            if let start = line[..<cutAt].lastIndex(of: open), start > line.startIndex,
                !line[start..<cutAt].contains(close)
            {
                cutAt = start
            }
        }
        let tail = line[cutAt...]
        return (line[..<cutAt], tail.drop(while: \.isWhitespace))
    }
}
