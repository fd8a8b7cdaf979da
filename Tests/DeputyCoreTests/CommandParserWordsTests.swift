import Testing

@testable import DeputyCore

@Suite("ASCII commands split byte by byte into the words the Unicode split finds")
struct CommandParserWordsTests {
    typealias Token = CommandParser.Token

    /// Every ASCII character, between words, doubled, and at both ends.
    static let everyASCII: [String] = (0..<128).map { code in
        let character = String(UnicodeScalar(UInt8(code)))
        return "\(character)assign\(character)@hayley\(character)\(character)check <@U1|Ada Lovelace> in 5m\(character)"
    }

    static let commands: [String] =
        CommandParserCases.valid.map(\.0) + CommandParserCases.invalid.map(\.0) + [
            "", " ", "\t\n", "note\r\nline two", "note a\u{0B}b\u{0C}c", "\u{1C}note\u{1F}x", "  note   spaced  ",
        ]

    @Test("the fast split and the character split agree", arguments: everyASCII + commands)
    func sameWords(_ text: String) {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        if ascii { #expect(Token.asciiWords(of: text) == Token.unicodeWords(of: text)) }
        #expect(Token.words(of: text) == Token.unicodeWords(of: text))
    }

    @Test("text with any non-ASCII character takes the character split")
    func unicodeStillSplitsByCharacter() {
        // U+0600 is a prepended mark: it fuses with the space after it into one character.
        let text = "note \u{0600} x\u{00A0}y\u{2003}z"
        #expect(Token.words(of: text).map(String.init) == ["note", "\u{0600}", "x", "y", "z"])
    }
}
