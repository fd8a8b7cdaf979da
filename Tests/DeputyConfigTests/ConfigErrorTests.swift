import DeputyConfig
import Testing

/// How problems read in a start-up log.
struct ConfigErrorTests {
    @Test func aProblemReadsFileLineColumnMessage() {
        let problem = ConfigError.Problem(
            file: "Config/rules.yaml", line: 12, column: 5, message: "rotation.after: bad")
        #expect(problem.description == "Config/rules.yaml:12:5: rotation.after: bad")
    }

    @Test func anUnknownPositionIsLeftOut() {
        #expect(ConfigError.Problem(file: "a.yaml", line: 3, column: nil, message: "m").description == "a.yaml:3: m")
        #expect(ConfigError.Problem(file: "a.yaml", line: nil, column: nil, message: "m").description == "a.yaml: m")
    }

    @Test func theErrorListsOneProblemPerLine() {
        let error = ConfigError(problems: [
            .init(file: "a.yaml", line: 1, column: 1, message: "first"),
            .init(file: "a.yaml", line: 2, column: 3, message: "second"),
        ])
        #expect(error.description == "a.yaml:1:1: first\na.yaml:2:3: second")
    }
}
