import DeputyCore
import DeputyFuzz
import Testing

extension CommandParserTests {
    /// Seeded random and hostile inputs: the parser must never trap and must keep its invariants.
    @Suite("CommandParser generated inputs")
    struct Generated {
        /// How the generated inputs came out, to prove they reach every outcome.
        private struct Tally {
            var successes = 0
            var usages = 0
            var unknownVerbs = 0
            var empties = 0
            var notOnePerson = 0

            /// Counts one parse under its outcome.
            mutating func count(_ result: Result<Command, CommandError>) {
                switch result {
                case .success: successes += 1
                case .failure(.usage), .failure(.usageHint): usages += 1
                case .failure(.unknownVerb): unknownVerbs += 1
                case .failure(.empty): empties += 1
                case .failure(.notOnePerson): notOnePerson += 1
                }
            }
        }

        /// Half mutations of valid commands, half token soup; all seeded, so failures replay.
        @Test("10,000 mutated and random texts keep every invariant")
        func generatedInputsKeepInvariants() {
            var fuzzer = CommandParserFuzzer(seed: 0x00DE_9075)
            let seeds = CommandParserCases.seeds.map(\.0)
            var violations: [String] = []
            var tally = Tally()
            for index in 0..<10_000 {
                let text = index.isMultiple(of: 2) ? fuzzer.mutate(fuzzer.pick(seeds)) : fuzzer.soup()
                tally.count(CommandParser.parse(text))
                violations += CommandParserInvariants.violations(for: text)
            }
            #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(10))")
            #expect(tally.successes > 1_000, "\(tally)")
            #expect(tally.usages > 1_000, "\(tally)")
            #expect(tally.unknownVerbs > 1_000, "\(tally)")
            #expect(tally.empties > 50, "\(tally)")
            #expect(tally.notOnePerson > 20, "\(tally)")
        }

        /// Huge texts, control characters and lone combining marks.
        @Test(
            "Huge and hostile texts still parse",
            arguments: [
                String(repeating: "a", count: 1_000_000),
                "note " + String(repeating: "word ", count: 200_000),
                "assign @hayley " + String(repeating: "x ", count: 100_000) + "in 5m",
                String(repeating: "<@U1 ", count: 50_000),
                "role " + String(repeating: "<@U1|a ", count: 20_000) + "deputy",
                "declare " + String(repeating: "sev1 drill ", count: 10_000),
                "note \u{0}\u{1}\u{7F}", "\u{0}", "\u{301}declare x", "declare \u{301}", "note \u{200B}",
                "help /", "help / ", "impact x since \u{0}:\u{0}", "handover <@U1|Ada\nLovelace>",
                "assign @\u{1F600} fix", "extend 1000000", "extend 10081", "quiet 1000000 minutes",
            ]
        )
        func hostileTextKeepsInvariants(text: String) {
            let violations = CommandParserInvariants.violations(for: text)
            #expect(violations.isEmpty, "\(violations.prefix(3))")
        }
    }
}
