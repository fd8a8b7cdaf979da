extension CommandParser {
    /// One whitespace-separated word of a command, as a slice of the text the person typed.
    ///
    /// A canonical mention whose display name holds spaces (`<@U1|Ada Lovelace>`) stays one token.
    struct Token {
        /// The word exactly as typed: a slice of the whole command text.
        let text: Substring
        /// The word's place in the command, counting from zero.
        let position: Int

        /// The word in lower case, for matching keywords.
        var folded: String { text.lowercased() }

        /// Whether the word, ignoring case, is one of `keywords` (given in lower case).
        func isOne(of keywords: Set<String>) -> Bool { keywords.contains(folded) }

        /// The text the person typed from the start of this word to the end of `last`, spacing included.
        func through(_ last: Token) -> Substring {
            Substring(text.base.unicodeScalars[text.startIndex..<last.text.endIndex])
        }

        /// The task this word names (`T3`); a bare number never is one.
        var taskID: TaskID? { TaskID(parsing: String(text)) }

        /// The proposal this word names (`P2`); a bare number never is one.
        var proposalID: ProposalID? { ProposalID(parsing: String(text)) }

        /// The role this word names on its own (`deputy`, `comms`, `sme:database`).
        var role: Role? { Role(parsing: String(text)) }

        /// The person or group this word mentions.
        var mention: Mention? { Mention(String(text)) }

        /// The word without brackets around it and a sentence's punctuation after it:
        /// `(sev2)` and `sev2,` are `sev2`.
        var bare: Substring {
            var word = text.drop { "([{".contains($0) }
            while let last = word.last, ")]},.;:!?".contains(last) { word = word.dropLast() }
            return word
        }

        /// A plain name typed without its `@` (`sam`), where a mention belongs.
        var plainName: String? {
            let word = bare
            guard !word.isEmpty, word.first?.isLetter == true,
                word.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
            else { return nil }
            return String(word)
        }

        /// A whole number up to six digits (`3`).
        var wholeNumber: Int? {
            let word = bare
            guard !word.isEmpty, word.count <= 6, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(word)
        }

        /// Splits `text` into words on whitespace, keeping a spaced canonical mention together.
        static func split(_ text: String) -> [Token] {
            let words = words(of: text)
            var tokens: [Token] = []
            var index = words.startIndex
            while index < words.endIndex {
                let end = mentionEnd(startingAt: index, in: words) ?? index
                let slice = Substring(text.unicodeScalars[words[index].startIndex..<words[end].endIndex])
                tokens.append(Token(text: slice, position: tokens.count))
                index = end + 1
            }
            return tokens
        }

        /// The words of `text`: what lies between whitespace characters, and between whitespace
        /// scalars inside a character. A prepended mark (U+0600 and the like) fuses the space after
        /// it into one character that is not whitespace; the word still ends at that space, so
        /// what surrounds a word never changes it.
        static func words(of text: String) -> [Substring] {
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(of: text) }
            return unicodeWords(of: text)
        }

        /// The words of ASCII text, split byte by byte: the same words as `unicodeWords(of:)`
        /// (in ASCII a character is whitespace exactly when its bytes are), without breaking the
        /// text into characters, which was most of the parser's time.
        static func asciiWords(of text: String) -> [Substring] {
            var words: [Substring] = []
            var start: String.Index?
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                switch utf8[index] {
                case 0x09...0x0D, 0x20:
                    if let open = start { words.append(Substring(text.unicodeScalars[open..<index])) }
                    start = nil
                default:
                    if start == nil { start = index }
                }
                index = utf8.index(after: index)
            }
            if let open = start { words.append(Substring(text.unicodeScalars[open..<utf8.endIndex])) }
            return words
        }

        /// The words of any text, character by character and, inside a character, scalar by scalar.
        static func unicodeWords(of text: String) -> [Substring] {
            var words: [Substring] = []
            var start: String.Index?
            func close(at end: String.Index) {
                if let open = start { words.append(Substring(text.unicodeScalars[open..<end])) }
                start = nil
            }
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(after: index)
                if text[index].isWhitespace {
                    close(at: index)
                } else {
                    var scalar = index
                    while scalar < next {
                        if text.unicodeScalars[scalar].properties.isWhitespace {
                            close(at: scalar)
                        } else if start == nil {
                            start = scalar
                        }
                        scalar = text.unicodeScalars.index(after: scalar)
                    }
                }
                index = next
            }
            close(at: text.endIndex)
            return words
        }

        /// Where a mention opened by `words[start]` (`<@U1|Ada`) closes (`Lovelace>`), if it spans words.
        private static func mentionEnd(startingAt start: Int, in words: [Substring]) -> Int? {
            let opening = words[start]
            guard opening.hasPrefix("<@") || opening.hasPrefix("<!"), !opening.contains(">") else { return nil }
            for index in (start + 1)..<words.endIndex {
                if words[index].contains("<") { return nil }
                if words[index].contains(">") { return index }
            }
            return nil
        }
    }
}
