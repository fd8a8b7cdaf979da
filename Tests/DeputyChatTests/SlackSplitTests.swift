import DeputyChat
import DeputyTestSupport
import Foundation
import Testing

/// Cutting long text into messages: at lines, then at spaces, never inside markup or entities.
struct SlackSplitTests {
    @Test(
        "Splits",
        arguments: [
            ("short", 20, ["short"]),
            ("", 20, [""]),
            ("aaaa\nbbbb\ncccc", 9, ["aaaa\nbbbb", "cccc"]),
            ("aaaa\nbbbb\ncccc", 10, ["aaaa\nbbbb", "cccc"]),
            ("aaaa\nbbbb\ncccc", 14, ["aaaa\nbbbb\ncccc"]),
            ("one two three four", 9, ["one two", "three", "four"]),
            ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),
            ("hello <@U12345> there", 10, ["hello", "<@U12345>", "there"]),
            ("ab&amp;cdefgh", 6, ["ab", "&amp;c", "defgh"]),
            ("x<@U12345>", 9, ["x", "<@U12345>"]),
            ("line\n\n\nline", 5, ["line", "line"]),
            ("line\n\nline", 10, ["line\n\nline"]),
            ("toolongtoken", 5, ["toolo", "ngtok", "en"]),
        ] as [(String, Int, [String])])
    func splits(text: String, limit: Int, pieces: [String]) {
        #expect(SlackEncoder.split(text, limit: limit) == pieces)
    }

    /// Random text of words, mentions, entities and newlines: every piece fits (unless a single
    /// token is longer than the limit), no markup or entity is cut, and no word is lost.
    @Test func randomTextSplitsSafely() {
        var random = SplitMix64(seed: 7)
        let tokens = [
            "a", "word", "longerword", "<@U123456>", "&amp;", "&lt;", "🚒", "e\u{301}", " ", " ", "\n", "\n\n",
        ]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...200, using: &random)).compactMap { _ in
                tokens.randomElement(using: &random)
            }
            .joined()
            let limit = Int.random(in: 12...80, using: &random)
            let pieces = SlackEncoder.split(text, limit: limit)
            for piece in pieces {
                #expect(piece.utf16.count <= limit, "\(piece.debugDescription) over \(limit)")
                #expect(piece.components(separatedBy: "<").count == piece.components(separatedBy: ">").count)
                for entity in ["&amp", "&lt"] {
                    #expect(
                        piece.components(separatedBy: entity).count == piece.components(separatedBy: entity + ";").count
                    )
                }
            }
            let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined() }
            #expect(words(pieces.joined(separator: " ")) == words(text))
        }
    }
}
