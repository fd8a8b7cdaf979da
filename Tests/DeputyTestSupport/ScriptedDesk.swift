import DeputyCore
import Foundation

/// A desk played command by command, in any channel, with every timer firing on the way as the
/// scheduler would fire it, keeping each incident's records: for tests that need several
/// incidents in one store.
public struct ScriptedDesk {
    /// The desk, as the daemon keeps it.
    public private(set) var desk: Desk
    /// Every record so far, by incident, in order.
    public private(set) var records: [IncidentID: [IncidentRecord]] = [:]

    public init(rules: Rules = Rules()) {
        desk = Desk(rules: rules)
    }

    /// Handles `text` from `user` in `channel`, `minutes` after `Fixtures.start`, once every
    /// timer due by then has fired.
    public mutating func say(
        _ text: String, by user: User, in channel: ChannelKey = Fixtures.channel, at minutes: Double
    ) {
        let now = Fixtures.start.addingTimeInterval(minutes * 60)
        fireTimers(until: now)
        let result = desk.handle(text: text, by: user, in: channel, at: now)
        if let id = result.incident { records[id, default: []] += result.outcome.records }
    }

    /// Fires every timer due by `now`.
    public mutating func fireTimers(until now: Date) {
        while let next = desk.nextDeadline(), next <= now {
            let fired = desk.due(at: next)
            for (id, outcome) in fired { records[id, default: []] += outcome.records }
            if fired.isEmpty { break }
        }
    }

    /// Each incident as the desk holds it, with its records, lowest id first.
    public var incidents: [(incident: Incident, records: [IncidentRecord])] {
        desk.incidents.keys.sorted().compactMap { id in desk.incidents[id].map { ($0, records[id] ?? []) } }
    }
}
