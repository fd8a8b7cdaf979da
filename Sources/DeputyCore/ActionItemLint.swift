import Foundation

/// The kind, never-blocking check of an action item's wording (the notes: actionable, specific,
/// bounded). It suggests; the item is kept as written whatever it finds.
public struct ActionItemLint: Sendable {
    /// What an item's wording could do better.
    public enum Finding: Hashable, Sendable {
        /// It does not start with a verb: it says what, not what to do.
        case notActionable
        /// It starts work without naming what will be true at the end, or is too short to.
        case notSpecific
        /// It reads as work that never finishes.
        case notBounded
    }

    let rules: Rules.ActionItems

    public init(rules: Rules.ActionItems) {
        self.rules = rules
    }

    /// What `text` could do better, in the notes' order; empty when it is fine.
    public func check(_ text: String) -> [Finding] {
        let words = Self.words(text)
        guard let first = words.first else { return [.notActionable, .notSpecific] }
        var findings: [Finding] = []
        if !rules.verbs.isEmpty, !rules.verbs.contains(first), !rules.extraVerbs.contains(first) {
            findings.append(.notActionable)
        }
        if rules.openEnded.contains(first) || words.count < rules.minimumWords { findings.append(.notSpecific) }
        let padded = " " + words.joined(separator: " ") + " "
        if rules.ongoing.contains(where: { padded.contains(" " + $0 + " ") }) { findings.append(.notBounded) }
        return findings
    }

    /// The words of `text`, lowercased, without the punctuation around them.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).map {
            String($0.trimmingCharacters(in: .punctuationCharacters.union(.symbols)))
        }.filter { !$0.isEmpty }
    }
}
