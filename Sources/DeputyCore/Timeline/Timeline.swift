import Foundation

/// An incident's timeline: the facts of its log, oldest first, each with its time and the time
/// since the declare, and the key durations. Computed from the log alone, so the export, the
/// timeline page and the postmortem draft all read the same facts.
public struct Timeline: Hashable, Sendable {
    /// The incident it is the timeline of.
    public var incident: IncidentID
    /// Where the incident was run.
    public var channel: ChannelKey
    /// The title it was declared with.
    public var title: String
    /// Its severity at the end of the log.
    public var severity: Severity
    /// Whether it was a drill.
    public var drill: Bool
    /// When it was declared.
    public var declaredAt: Date
    /// Where it stands at the end of the log.
    public var status: Incident.Status
    /// The facts, oldest first.
    public var entries: [TimelineEntry]
    /// The durations a postmortem asks for.
    public var durations: KeyDurations
    /// How well the response ran, from the same log.
    public var score: PracticeScore

    /// The timeline of the incident whose whole log is `records`; `now` ends the durations of an
    /// incident that is still active; `rules` hold the practice score's targets.
    public init(id: IncidentID, channel: ChannelKey, records: [IncidentRecord], now: Date, rules: Rules = Rules()) {
        let incident = Incident.fold(id: id, channel: channel, records: records)
        var builder = TimelineBuilder(declaredAt: incident.declaredAt)
        for (index, record) in records.enumerated() { builder.add(record, index: index) }
        builder.finish()
        self.incident = id
        self.channel = channel
        self.title = incident.title
        self.severity = incident.severity
        self.drill = incident.drill
        self.declaredAt = incident.declaredAt
        self.status = incident.status
        self.entries = builder.entries
        self.durations = KeyDurations(log: records, declaredAt: incident.declaredAt, end: incident.closedAt ?? now)
        self.score = incident.practiceScore(at: now, rules: rules)
    }

    /// The practice score's lines, once the incident is closed (while it runs, the response
    /// comes first); empty before.
    public var scoreLines: [Line] {
        status == .active ? [] : score.lines(detailed: true)
    }
}
