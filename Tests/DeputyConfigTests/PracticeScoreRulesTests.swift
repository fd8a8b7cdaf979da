import DeputyConfig
import DeputyCore
import Testing

/// `practice_score` in Config/rules.yaml: the score's own targets and each measure's weight.
struct PracticeScoreRulesTests {
    @Test func theTargetsAndWeightsAreRead() throws {
        let yaml = """
            practice_score:
              commander_within: 3m
              decision_grace: 90s
              update_grace: 10m
              rotate_within: 30m
              weights:
                time_to_commander: 30
                severity_arguments: 0
                expected_moves: 25
            """
        let practice = try RulesLoader.load(yaml: yaml, file: RulesFixture.file).practice
        #expect(practice.commanderWithin == .minutes(3))
        #expect(practice.decisionGrace == .seconds(90))
        #expect(practice.updateGrace == .minutes(10))
        #expect(practice.rotateWithin == .minutes(30))
        var weights = PracticeRules.defaultWeights
        weights[.commander] = 30
        weights[.severityArguments] = 0
        weights[.expectedMoves] = 25
        #expect(practice.weights == weights, "a measure left out keeps its default weight")
        #expect(practice.weight(of: .updates) == 10)
    }

    @Test func leftOutTheScoreKeepsItsDefaults() throws {
        #expect(try RulesLoader.load(yaml: "practice_score:\n", file: RulesFixture.file).practice == PracticeRules())
        #expect(
            try RulesLoader.load(yaml: "practice_score:\n  weights: {}\n", file: RulesFixture.file).practice
                == PracticeRules())
    }

    @Test func everyMeasureHasAWeightKeyTheREADMEDocuments() {
        for kind in PracticeMeasure.Kind.allCases {
            #expect(RulesLoader.keys.contains("practice_score.weights.\(kind.rawValue)"))
        }
    }

    @Test func badTargetsAndWeightsAreReportedAtTheirLines() {
        let yaml = """
            practice_score:
              commander_within: 5
              rotate_after: 15m
              weights:
                updates: -1
                rotaton: 10
                decisions: lots
                owned_tasks: 101
            """
        #expect(
            RulesFixture.problems(in: yaml).map(\.description) == [
                #"Config/rules.yaml:2:21: practice_score.commander_within: "5" has no unit (write 5m for minutes, 5s for seconds)"#,
                "Config/rules.yaml:3:3: practice_score.rotate_after: unknown key (expected one of: commander_within, "
                    + "decision_grace, update_grace, rotate_within, weights)",
                "Config/rules.yaml:5:14: practice_score.weights.updates: -1 is out of range (0 to 100 points)",
                "Config/rules.yaml:6:5: practice_score.weights.rotaton: unknown key (did you mean rotation?)",
                #"Config/rules.yaml:7:16: practice_score.weights.decisions: "lots" is not a whole number of points"#,
                "Config/rules.yaml:8:18: practice_score.weights.owned_tasks: 101 is out of range (0 to 100 points)",
            ])
    }

    @Test func weightsThatLeaveNothingToScoreAreRefused() throws {
        let zero = PracticeMeasure.Kind.allCases.map { "    \($0.rawValue): 0" }.joined(separator: "\n")
        #expect(
            RulesFixture.problem(in: "practice_score:\n  weights:\n\(zero)\n")
                == "Config/rules.yaml:2:3: practice_score.weights: every weight is 0, so nothing would be scored")
        let wrongType = RulesFixture.problem(in: "practice_score:\n  weights: [10, 20]\n")
        #expect(wrongType?.hasPrefix("Config/rules.yaml:2:12: practice_score.weights: expected a mapping") == true)
    }
}
