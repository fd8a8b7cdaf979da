import Foundation

/// Finding and replacing words and phrases in text people typed, by whole words and in any case:
/// what the wording checks share.
enum Phrases {
    /// `text` lowercased, curly apostrophes made straight, runs of whitespace as one space.
    static func normalized(_ text: String) -> String {
        normalizedApostrophes(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` with ’ written as '.
    static func normalizedApostrophes(_ text: String) -> String {
        text.replacing("\u{2019}", with: "'")
    }

    /// Whether `phrase` occurs in `text` as whole words, in any case.
    static func contains(_ text: String, _ phrase: String) -> Bool {
        !ranges(of: phrase, in: text).isEmpty
    }

    /// Whether a sentence of `text` starts with `phrase`.
    static func startsSentence(_ text: String, _ phrase: String) -> Bool {
        ranges(of: phrase, in: text).contains { range in
            let before = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let last = before.last else { return true }
            return ".?!:;\"“(".contains(last)
        }
    }

    /// `text` with each whole-word occurrence of `phrase` replaced by `better`.
    static func replacing(_ phrase: String, with better: String, in text: String) -> String {
        var out = text
        for range in ranges(of: phrase, in: text).reversed() {
            let capital = text[range].first?.isUppercase == true
            out.replaceSubrange(range, with: capital ? better.prefix(1).uppercased() + better.dropFirst() : better)
        }
        return out
    }

    /// Where `phrase` occurs in `text` in any case, bounded by non-letters on both sides.
    static func ranges(of phrase: String, in text: String) -> [Range<String.Index>] {
        guard !phrase.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        while start < text.endIndex,
            let range = text.range(of: phrase, options: [.caseInsensitive], range: start..<text.endIndex)
        {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !isWordCharacter(before), !isWordCharacter(after) { found.append(range) }
            start = text.index(after: range.lowerBound)
        }
        return found
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "-"
    }
}
