import Foundation

/// The blame-aware check of postmortem wording (the notes: ask what and how, not who or why;
/// an individual's action is never a root cause, least of all a name). It only suggests: the
/// text is kept as written whatever it finds.
public struct WordingLint: Sendable {
    /// What blames rather than describes.
    public enum Finding: Hashable, Sendable {
        /// A person (a mention or someone's name) is given as the cause.
        case personAsCause
        /// A "who" or "why did you" question.
        case question(String)
        /// A judging word or phrase ("human error", "should have", "careless").
        case blame(String)
    }

    let wording: Rules.Wording
    /// The names of the people on the incident, lowercased: a name is a person, not a word.
    let names: Set<String>

    /// A check with `wording`'s patterns; `people` are those whose names count as a person.
    public init(wording: Rules.Wording, people: [User] = []) {
        self.wording = wording
        self.names = Set(people.flatMap { [$0.name.lowercased(), $0.id.lowercased()] }.filter { $0.count > 1 })
    }

    /// What in `text` blames, in the order: people as causes, questions, judging words. Empty
    /// when it reads blamelessly.
    public func check(_ text: String) -> [Finding] {
        let plain = Phrases.normalized(text)
        let marked = personMarked(plain)
        var findings: [Finding] = []
        if wording.personAsCause.contains(where: { Phrases.contains(marked, $0) }) { findings.append(.personAsCause) }
        for question in wording.questions where Phrases.startsSentence(plain, question) {
            findings.append(.question(question))
            break
        }
        for phrase in wording.blame where Phrases.contains(plain, phrase) { findings.append(.blame(phrase)) }
        return findings
    }

    /// `text` with every flagged phrase replaced by its better one from `rewrites`, and every
    /// person it names (a mention, or the name of anyone on the incident) by
    /// `rewrites["{person}"]`: a suggested rewording never keeps a name. Nil when nothing changes.
    public func reworded(_ text: String) -> String? {
        let findings = check(text)
        guard !findings.isEmpty else { return nil }
        var out = Phrases.normalizedApostrophes(text)
        if let standIn = wording.rewrites["{person}"] {
            out = out.split(separator: " ", omittingEmptySubsequences: false).map { token in
                isPerson(token) ? standIn + Self.possessive(token) : String(token)
            }.joined(separator: " ")
        }
        for finding in findings {
            switch finding {
            case .question(let phrase), .blame(let phrase):
                if let better = wording.rewrites[phrase] { out = Phrases.replacing(phrase, with: better, in: out) }
            case .personAsCause:
                break
            }
        }
        return out == text ? nil : out
    }

    /// `plain` (normalized) with each person replaced by `{person}`.
    private func personMarked(_ plain: String) -> String {
        plain.split(separator: " ").map { token in
            isPerson(token) ? "{person}" + Self.possessive(token) : String(token)
        }.joined(separator: " ")
    }

    /// Whether a whitespace-free token is a mention (`<@U1|name>`, `@name`) or a known name.
    private func isPerson(_ token: Substring) -> Bool {
        if token.hasPrefix("<@") || token.hasPrefix("@") { return token.count > 1 }
        var word = token.lowercased()
        if word.hasSuffix("'s") { word = String(word.dropLast(2)) }
        word = word.trimmingCharacters(in: .punctuationCharacters)
        return names.contains(word)
    }

    private static func possessive(_ token: Substring) -> String {
        token.lowercased().hasSuffix("'s") ? "'s" : ""
    }
}
