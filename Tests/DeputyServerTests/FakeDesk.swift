import DeputyCore
import DeputyServer

/// A desk that records what it was given and answers as told.
actor FakeDesk: CommandDesk {
    private(set) var received: [InboundCommand] = []
    var answer: Submission
    /// The answer to `submitAnsweringAll`.
    var fullAnswer: FullSubmission
    /// A first reply to ask the route about ("does it fit in the answer?"), as the real desk does.
    let first: Reply?
    /// What the route said about `first`.
    private(set) var fitted: Bool?

    init(answer: Submission = .answered(nil), fullAnswer: FullSubmission = .answered([]), asking first: Reply? = nil) {
        self.answer = answer
        self.fullAnswer = fullAnswer
        self.first = first
    }

    func submit(_ command: InboundCommand, fitsInAnswer: @escaping @Sendable (Reply) -> Bool) async -> Submission {
        received.append(command)
        if let first { fitted = fitsInAnswer(first) }
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
    func check() async -> (healthy: Bool, lines: [String]) { (healthy, []) }
}
