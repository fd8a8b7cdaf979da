import DeputyCore
import DeputyServer

/// A desk that records what it was given and answers as told.
actor FakeDesk: CommandDesk {
    private(set) var received: [InboundCommand] = []
    var answer: Submission

    init(answer: Submission = .answered(nil)) {
        self.answer = answer
    }

    func submit(_ command: InboundCommand, fitsInAnswer: @escaping @Sendable (Reply) -> Bool) async -> Submission {
        received.append(command)
        return answer
    }
}

/// A health probe with a fixed answer.
struct FixedHealth: HealthProbe {
    let healthy: Bool
    func isHealthy() async -> Bool { healthy }
}
