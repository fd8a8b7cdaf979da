import Foundation

/// Every incident Deputy knows, in memory, with the routing of a channel's commands to its
/// incident. The console and the tests use it as it is; the daemon keeps the same state behind
/// its store.
public struct Desk: Sendable {
    public var rules: Rules
    public internal(set) var incidents: [IncidentID: Incident] = [:]
    /// The incident each channel's commands go to: its active one, or its latest after resolve.
    public internal(set) var latest: [ChannelKey: IncidentID] = [:]
    public internal(set) var nextNumber = 1

    public init(rules: Rules, nextNumber: Int = 1) {
        self.rules = rules
        self.nextNumber = nextNumber
    }

    /// The result of one command: the incident it touched, if any, and what to record and say.
    public struct Result: Sendable {
        public var incident: IncidentID?
        public var outcome: Outcome
        /// The verb of the command the text held; nil when it held none (a typo, nothing at all).
        public var verb: Verb?

        public init(incident: IncidentID?, outcome: Outcome, verb: Verb? = nil) {
            self.incident = incident
            self.outcome = outcome
            self.verb = verb
        }
    }

    /// Parses `text` (what follows the slash word) and handles it.
    public mutating func handle(text: String, by user: User, in channel: ChannelKey, at now: Date) -> Result {
        handle(parse(text), by: user, in: channel, at: now)
    }

    /// Reads `text` (what follows the slash word) with this desk's rules (what `P1` means).
    public func parse(_ text: String) -> Swift.Result<Command, CommandError> {
        CommandParser.parse(text, priorities: rules.priorities)
    }

    /// Handles what `parse(_:)` read: the one way from what a person typed to a decision, for the
    /// console, the transcripts and every platform's route. A text that is no command is answered
    /// privately, and still heard by the channel's incident (an IC's typo answers a takeover).
    public mutating func handle(
        _ parsed: Swift.Result<Command, CommandError>, by user: User, in channel: ChannelKey, at now: Date
    ) -> Result {
        switch parsed {
        case .success(let command):
            var result = handle(command, by: user, in: channel, at: now)
            result.verb = command.verb
            return result
        case .failure(let error):
            return answer(Help.reply(to: error, for: user), to: user, in: channel, at: now)
        }
    }

    /// A private answer that is not a command for the channel's incident; the incident still
    /// hears from `user`, so an IC's typo answers a pending takeover.
    private mutating func answer(_ reply: Reply, to user: User, in channel: ChannelKey, at now: Date) -> Result {
        guard let id = latest[channel], incidents[id]?.isActive == true else {
            return Result(incident: nil, outcome: Outcome(replies: [reply]))
        }
        let rules = self.rules
        var outcome = update(id) { $0.hear(from: user, at: now, rules: rules) }
        outcome.replies.append(reply)
        return Result(incident: outcome.records.isEmpty ? nil : id, outcome: outcome)
    }

    /// Handles a parsed command in `channel`.
    public mutating func handle(_ command: Command, by user: User, in channel: ChannelKey, at now: Date) -> Result {
        // The channel's incident by id and state only: a copy of it held here would share its
        // arrays with the one `update` changes, and every change would copy them whole.
        let current = latest[channel].flatMap { id in incidents[id].map { (id: id, isActive: $0.isActive) } }
        switch (command, current) {
        case (.declare(let title, let severity, let drill), let incident) where incident?.isActive != true:
            let id = IncidentID(nextNumber)
            nextNumber += 1
            var (opened, outcome) = Incident.declare(
                id: id, channel: channel, title: title, severity: severity, drill: drill, by: user, at: now,
                rules: rules)
            incidents[id] = opened
            latest[channel] = id
            if drill { outcome.markDrill() }
            return Result(incident: id, outcome: outcome)
        case (.drillStart(let name, let speed), let incident) where incident?.isActive != true:
            return startDrill(name, speed: speed, by: user, in: channel, at: now)
        case (.help(let topic), _):
            return answer(Help.reply(topic: topic, to: user), to: user, in: channel, at: now)
        case (.about(let id, let inner), _):
            guard let incident = incidents[id], incident.channel.platform == channel.platform,
                incident.channel.team == channel.team
            else {
                return Result(
                    incident: nil, outcome: .answer(user, .unknownIncident, ["incident": .plain(id.description)]))
            }
            let rules = self.rules
            let outcome = update(id) { $0.handle(inner, by: user, at: now, rules: rules) }
            return Result(incident: id, outcome: outcome)
        case (_, nil):
            return Result(incident: nil, outcome: .answer(user, .noActiveIncident))
        case (_, let incident?):
            let id = incident.id
            let rules = self.rules
            let outcome = update(id) { $0.handle(command, by: user, at: now, rules: rules) }
            return Result(incident: id, outcome: outcome)
        }
    }

    /// Fires every timer due at `now`, incident by incident.
    public mutating func due(at now: Date) -> [(IncidentID, Outcome)] {
        var results: [(IncidentID, Outcome)] = []
        let rules = self.rules
        for id in incidents.keys.sorted() {
            guard let next = incidents[id]?.nextDeadline(rules: rules), next <= now else { continue }
            let outcome = update(id) { $0.due(at: now, rules: rules) }
            if !outcome.isEmpty { results.append((id, outcome)) }
        }
        return results
    }

    /// Changes one incident in place: it leaves the dictionary while it changes, so its arrays
    /// are never copied.
    mutating func update(_ id: IncidentID, _ change: (inout Incident) -> Outcome) -> Outcome {
        guard var incident = incidents.removeValue(forKey: id) else { return Outcome() }
        let before = RoomWatch(incident)
        var outcome = change(&incident)
        incident.followRoom(from: before, into: &outcome, rules: rules.rooms)
        if incident.drill { outcome.markDrill() }
        incidents[id] = incident
        return outcome
    }

    /// The earliest deadline of any incident.
    public func nextDeadline() -> Date? {
        incidents.values.compactMap { $0.nextDeadline(rules: rules) }.min()
    }
}
