extension CommandParser {
    /// What a mention word points at: one person, or a group that cannot own anything.
    enum Mention {
        /// One person: `<@U1|ada>`, `<@U1>` or `@ada`.
        case person(User)
        /// Several people at once: `@here`, `@channel`, `@everyone`, any `<!…>` form, or a
        /// Discord role (`<@&id>`).
        case group

        /// The words that mention a group when written with a plain `@`.
        private static let groupNames: Set<String> = ["here", "channel", "everyone"]

        /// Punctuation a sentence may leave stuck to the end of a mention (`@ada,`).
        private static let trailingPunctuation: Set<Character> = [",", ":", "."]

        /// Reads one mention word, or nil when the word mentions no one.
        init?(_ word: String) {
            var word = Substring(word)
            if let last = word.last, Self.trailingPunctuation.contains(last) { word = word.dropLast() }
            if word.hasPrefix("<!") || word.hasPrefix("<@&"), word.hasSuffix(">") {
                self = .group
            } else if word.hasPrefix("<@"), word.hasSuffix(">") {
                guard let user = Self.canonical(word.dropFirst(2).dropLast()) else { return nil }
                self = .person(user)
            } else if word.hasPrefix("@") {
                let name = word.dropFirst()
                if Self.groupNames.contains(name.lowercased()) {
                    self = .group
                } else {
                    guard Self.isPlainName(name) else { return nil }
                    self = .person(User.named(String(name)))
                }
            } else {
                return nil
            }
        }

        /// Reads the inside of `<@ID|name>` or `<@ID>`; the name defaults to the id.
        private static func canonical(_ inside: Substring) -> User? {
            let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard let id = parts.first, !id.isEmpty, !id.contains(where: isForbiddenInID) else { return nil }
            let name = parts.dropFirst().first.map(trimmed) ?? ""
            guard !name.contains(where: { $0 == "<" || $0 == ">" }) else { return nil }
            return User(id: String(id), name: String(name.isEmpty ? id : name))
        }

        /// `text` without whitespace at either end.
        private static func trimmed(_ text: Substring) -> Substring {
            let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
            let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
            return text[start..<end]
        }

        /// Whether a character cannot appear in a platform user id.
        private static func isForbiddenInID(_ character: Character) -> Bool {
            character.isWhitespace || "<>@|".contains(character)
        }

        /// Whether `name` is a plain handle: letters, digits, `.`, `_` and `-`, at least one.
        private static func isPlainName(_ name: Substring) -> Bool {
            !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
        }
    }
}
