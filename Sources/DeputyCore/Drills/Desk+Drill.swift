import Foundation

extension Desk {
    /// `/ic drill start <scenario>` in a channel with no active incident: declares a drill
    /// incident with the scenario's title and severity, and starts playing it.
    mutating func startDrill(_ name: String, speed: Int?, by user: User, in channel: ChannelKey, at now: Date) -> Result
    {
        guard let scenario = rules.drills[name] else {
            let known = rules.drills.keys.sorted()
            guard !known.isEmpty else { return Result(incident: nil, outcome: .answer(user, .drillNoScenarios)) }
            return Result(
                incident: nil,
                outcome: .answer(
                    user, .drillUnknownScenario,
                    ["scenario": .text(name), "scenarios": .list(known.map { .plain($0) })]))
        }
        // Declared as any drill is, then the scenario starts on it.
        var result = handle(
            .declare(title: scenario.title, severity: scenario.severity, drill: true), by: user, in: channel, at: now)
        guard let id = result.incident else { return result }
        let rules = self.rules
        let started = update(id) { $0.startDrill(scenario, speed: speed ?? 1, by: user, at: now, rules: rules) }
        result.outcome.records += started.records
        result.outcome.replies += started.replies
        return result
    }
}
