extension CommandParser {
    /// `drill start <scenario> [--speed N]` and `drill stop`. The speed is a whole number from 1
    /// to `DrillRun.fastest`.
    static func drill(_ arguments: Arguments) throws(CommandError) -> Command {
        let tokens = Array(arguments.tokens)
        guard let first = tokens.first else { throw .usage(.drill) }
        switch first.folded {
        case "stop", "end":
            return try arguments.dropFirst().bare(.drillStop)
        case "start", "run", "play":
            var rest = Array(tokens.dropFirst())
            var speed: Int?
            if let flag = rest.firstIndex(where: { ["--speed", "—speed", "speed"].contains($0.folded) }) {
                guard flag + 1 < rest.count, let value = Int(rest[flag + 1].folded),
                    (1...DrillRun.fastest).contains(value)
                else { throw .usage(.drill) }
                speed = value
                rest.removeSubrange(flag...(flag + 1))
            }
            guard rest.count == 1 else { throw .usage(.drill) }
            return .drillStart(scenario: rest[0].folded, speed: speed)
        default:
            throw .usage(.drill)
        }
    }
}
