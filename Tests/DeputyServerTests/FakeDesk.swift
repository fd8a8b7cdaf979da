import DeputyCore
import DeputyServer

/// A desk that records what it was given and answers as told.
actor FakeDesk: CommandDesk {
    private(set) var received: [InboundCommand] = []
    var answer: Submission
    /// The answer to `submitAnsweringAll`.
    var fullAnswer: FullSubmission

    init(answer: Submission = .answered(nil), fullAnswer: FullSubmission = .answered([])) {
        self.answer = answer
        self.fullAnswer = fullAnswer
    }

    func submit(_ command: InboundCommand, fitsInAnswer: @escaping @Sendable (Reply) -> Bool) async -> Submission {
        received.append(command)
        return answer
    }

    func submitAnsweringAll(_ command: InboundCommand) async -> FullSubmission {
        received.append(command)
        return fullAnswer
    }
}

/// A health probe with a fixed answer.
struct FixedHealth: HealthProbe {
    let healthy: Bool
    func isHealthy() async -> Bool { healthy }
}
