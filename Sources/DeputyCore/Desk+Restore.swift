import Foundation

extension Desk {
    /// A desk holding incidents rebuilt from a store: each channel's commands go to its
    /// highest-numbered incident, and new incidents are numbered after every one known.
    public init(rules: Rules, incidents: [Incident], nextNumber: Int) {
        self.init(rules: rules, nextNumber: nextNumber)
        for incident in incidents.sorted(by: { $0.id < $1.id }) { replace(incident) }
    }

    /// Puts an incident back as the store has it (after a failed write, say).
    public mutating func replace(_ incident: Incident) {
        incidents[incident.id] = incident
        if let current = latest[incident.channel], current > incident.id { return }
        latest[incident.channel] = incident.id
        nextNumber = max(nextNumber, incident.id.number + 1)
    }

    /// Folds records another desk appended into an incident held here.
    public mutating func catchUp(_ id: IncidentID, with records: [IncidentRecord]) {
        let before = incidents[id]?.channel
        _ = update(id) { incident in
            for record in records { incident.apply(record) }
            return Outcome()
        }
        // It moved into its room meanwhile: its commands come from there now.
        guard let before, let after = incidents[id]?.channel, after != before else { return }
        if latest[before] == id { latest[before] = nil }
        latest[after] = id
    }

    /// The store holds no incident in `channel` any more (the one held here moved into its room
    /// on another desk): that one is forgotten here, to be read again where it runs.
    public mutating func vacate(_ channel: ChannelKey) {
        guard let id = latest[channel] else { return }
        forget(id)
        if latest[channel] == id { latest[channel] = nil }
    }

    /// New incidents are numbered above `number`.
    public mutating func numberAbove(_ number: Int) {
        nextNumber = max(nextNumber, number + 1)
    }

    /// Forgets an incident that never reached the store (a declaration whose write failed).
    public mutating func forget(_ id: IncidentID) {
        guard let incident = incidents.removeValue(forKey: id) else { return }
        if latest[incident.channel] == id {
            latest[incident.channel] = incidents.values.filter { $0.channel == incident.channel }.map(\.id).max()
        }
    }

    /// Fires the timers of one incident due at `now`.
    public mutating func due(_ id: IncidentID, at now: Date) -> Outcome {
        let rules = self.rules
        return update(id) { $0.due(at: now, rules: rules) }
    }

    /// The next deadline of one incident.
    public func nextDeadline(of id: IncidentID) -> Date? {
        incidents[id]?.nextDeadline(rules: rules)
    }
}
