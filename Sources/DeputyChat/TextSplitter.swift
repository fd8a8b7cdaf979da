/// Cuts a message that is too long for one post into pieces a platform accepts, between lines
/// where it can, else between words, else anywhere. Shared by every adapter with a post limit.
public enum TextSplitter {
    /// A private reply's `parts` for posting in the channel, where the platform has no private
    /// way to reach its person: they begin with `mention` (unless the words already name them),
    /// cut again at `limit`.
    public static func addressed(_ parts: [String], to mention: String, limit: Int) -> [String] {
        guard let first = parts.first, !first.contains(mention) else { return parts }
        return split(mention + " " + parts.joined(separator: "\n"), limit: limit)
    }

    /// `text` in pieces of at most `limit` UTF-16 units, whole lines where possible.
    public static func split(_ text: String, limit: Int) -> [String] {
        guard text.utf16.count > limit else { return [text] }
        var pieces: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            let needed = (current.isEmpty ? 0 : 1) + rest.utf16.count
            if current.utf16.count + needed <= limit {
                current += (current.isEmpty ? "" : "\n") + rest
                continue
            }
            if !current.isEmpty { pieces.append(current) }
            current = ""
            while rest.utf16.count > limit {
                var end = rest.startIndex
                var used = 0
                while end < rest.endIndex, used + rest[end].utf16.count <= limit {
                    used += rest[end].utf16.count
                    end = rest.index(after: end)
                }
                if end == rest.startIndex { end = rest.index(after: end) }
                if end < rest.endIndex, let space = rest[..<end].lastIndex(where: \.isWhitespace),
                    space > rest.startIndex
                {
                    end = space
                }
                pieces.append(String(rest[..<end]))
                rest = rest[end...].drop(while: \.isWhitespace)
            }
            current = String(rest)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
