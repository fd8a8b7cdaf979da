import Foundation

/// What Deputy reads in text people typed for the timeline: the links in it, and how to show
/// it in Markdown with those links still links and nothing else taken as markup.
public enum TypedText {
    /// The `http://` and `https://` links in `text`, in order, without trailing punctuation.
    public static func links(in text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).compactMap { link(in: $0) }
    }

    /// `text` for a Markdown table cell or list item: links as autolinks (`<https://…>`), every
    /// other character Markdown or a table would read as markup escaped, line breaks as spaces.
    public static func markdown(_ text: String) -> String {
        let flat = text.replacing("\r\n", with: " ").replacing("\n", with: " ").replacing("\r", with: " ")
        let words = flat.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let link = link(in: word), let range = word.range(of: link) else { return escape(word) }
            return escape(word[..<range.lowerBound]) + "<\(link)>" + escape(word[range.upperBound...])
        }
        return words.joined(separator: " ")
    }

    /// The link a whitespace-free token holds, if it is one: the token from `http://` or
    /// `https://` on, less trailing punctuation and any characters an autolink cannot hold.
    private static func link(in token: Substring) -> String? {
        guard let start = token.range(of: "https://") ?? token.range(of: "http://") else { return nil }
        var link = token[start.lowerBound...]
        while let last = link.last, ".,;:!?)]}'\"".contains(last) { link = link.dropLast() }
        guard !link.contains(where: { $0 == "<" || $0 == ">" || $0.isWhitespace }),
            link.count > (link.hasPrefix("https://") ? 8 : 7)
        else { return nil }
        return String(link)
    }

    private static func escape(_ text: Substring) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
