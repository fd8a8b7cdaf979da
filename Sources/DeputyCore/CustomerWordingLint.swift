import Foundation

/// The hint for wording meant for customers and executives (`/ic update draft`): the notes'
/// "service disruption" rather than "outage", no internal jargon or acronyms, no blame. It
/// records nothing and posts nothing; it only suggests.
public struct CustomerWordingLint: Sendable {
    /// What a customer-facing text could say better.
    public struct Findings: Hashable, Sendable {
        /// Words to replace, each with the better one, in the order they appear.
        public var instead: [(word: String, better: String)] = []
        /// Internal words, as written.
        public var jargon: [String] = []
        /// All-capitals abbreviations, as written.
        public var acronyms: [String] = []
        /// Blaming language.
        public var blame: [WordingLint.Finding] = []

        /// Whether the text reads well as it is.
        public var isEmpty: Bool { instead.isEmpty && jargon.isEmpty && acronyms.isEmpty && blame.isEmpty }

        public static func == (lhs: Findings, rhs: Findings) -> Bool {
            lhs.instead.map(\.word) == rhs.instead.map(\.word) && lhs.instead.map(\.better) == rhs.instead.map(\.better)
                && lhs.jargon == rhs.jargon && lhs.acronyms == rhs.acronyms && lhs.blame == rhs.blame
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(instead.map(\.word))
            hasher.combine(jargon)
            hasher.combine(acronyms)
            hasher.combine(blame)
        }
    }

    let wording: Rules.Wording
    let blame: WordingLint

    /// A check with `wording`'s lists; `people` are names that count as a person for blame.
    public init(wording: Rules.Wording, people: [User] = []) {
        self.wording = wording
        self.blame = WordingLint(wording: wording, people: people)
    }

    /// What `text` could say better for customers and executives.
    public func check(_ text: String) -> Findings {
        var findings = Findings()
        var seen: Set<String> = []
        for token in text.split(whereSeparator: \.isWhitespace) {
            let word = token.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            let lower = word.lowercased()
            guard !word.isEmpty, !word.hasPrefix("http"), seen.insert(lower).inserted else { continue }
            if let better = wording.customerInstead[lower] {
                findings.instead.append((word, better))
            } else if wording.jargon.contains(lower) {
                findings.jargon.append(word)
            } else if Self.isAcronym(word), !wording.allowedAcronyms.contains(lower) {
                findings.acronyms.append(word)
            }
        }
        findings.blame = blame.check(text)
        return findings
    }

    /// Two or more letters, all capitals (digits allowed): `RCA`, `SLO`, `K8S`.
    static func isAcronym(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
            && word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }
}
