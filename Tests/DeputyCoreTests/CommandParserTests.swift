import DeputyCore
import DeputyFuzz
import Testing

/// Table-driven checks of every command form and every error, plus the nested generated suite.
@Suite("CommandParser tables")
struct CommandParserTests {
    /// Each valid text becomes exactly its command, display names included.
    @Test("Every command form parses to its exact command", arguments: CommandParserCases.valid)
    func parsesValidForm(text: String, expected: Command) {
        let result = CommandParser.parse(text)
        #expect(result == .success(expected))
        // `User` equality ignores the display name; the printed form does not.
        #expect(String(reflecting: result) == String(reflecting: Result<Command, CommandError>.success(expected)))
    }

    /// Each malformed text gives exactly its error.
    @Test("Every malformed text gives its exact error", arguments: CommandParserCases.invalid)
    func rejectsInvalidForm(text: String, expected: CommandError) {
        #expect(CommandParser.parse(text) == .failure(expected))
    }

    /// `say` knows every canned situation.
    @Test("Every situation can be said", arguments: Command.Situation.allCases)
    func saysSituation(situation: Command.Situation) {
        #expect(CommandParser.parse("say \(situation.rawValue)") == .success(.say(situation, to: nil)))
    }

    /// Every verb and alias, in any case, reaches its own grammar.
    @Test("Every verb and alias is known", arguments: Verb.allCases.map(\.rawValue) + Verb.aliases.keys.sorted())
    func knowsVerb(word: String) {
        let violations =
            CommandParserInvariants.violations(for: word) + CommandParserInvariants.violations(for: word.uppercased())
        #expect(violations.isEmpty, "\(violations)")
        switch CommandParser.parse(word) {
        case .failure(.empty), .failure(.unknownVerb): Issue.record("\(word) was not recognised")
        default: break
        }
    }

    /// The table texts keep the invariants the generated test checks.
    @Test(
        "Table texts keep every invariant",
        arguments: CommandParserCases.valid.map(\.0) + CommandParserCases.invalid.map(\.0))
    func tableTextKeepsInvariants(text: String) {
        let violations = CommandParserInvariants.violations(for: text)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// A prepended mark (U+0600 to U+0605) fuses with the space after it into one character;
    /// the word still ends before that space, so surrounding whitespace never changes a parse.
    @Test(
        "a prepended mark before a space is a word of its own",
        arguments: ["\u{0600}", "\u{0605}", "\u{0600} declare db down", "note \u{0605}\u{00A0}x"])
    func prependedMark(text: String) {
        let violations = CommandParserInvariants.violations(for: text)
        #expect(violations.isEmpty, "\(violations)")
        #expect(CommandParserInvariants.same(CommandParser.parse(text), CommandParser.parse(" \(text)\u{00A0} ")))
    }

    @Test func aPrependedMarkKeepsTheTextAfterIt() {
        #expect(CommandParser.parse("note \u{0605} x") == .success(.note("\u{0605} x")))
        #expect(CommandParser.parse("\u{0600} declare") == .failure(.unknownVerb("\u{0600}")))
    }
}
