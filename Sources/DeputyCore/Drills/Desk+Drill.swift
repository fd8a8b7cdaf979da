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
        let id = IncidentID(nextNumber)
        nextNumber += 1
        var (opened, outcome) = Incident.declare(
            id: id, channel: channel, title: scenario.title, severity: scenario.severity, drill: true, by: user,
            at: now,
            rules: rules)
        let started = opened.startDrill(scenario, speed: speed ?? 1, by: user, at: now, rules: rules)
        outcome.records += started.records
        outcome.replies += started.replies
        outcome.markDrill()
        incidents[id] = opened
        latest[channel] = id
        return Result(incident: id, outcome: outcome)
    }
}
