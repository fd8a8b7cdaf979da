import Foundation

/// The timeline as a stable JSON document (`deputy export --format json`), documented in the
/// README. Keys are snake_case and always present (`null` when unknown); times are ISO 8601 in
/// UTC; durations are whole seconds. New fields may be added; none is renamed or removed.
public struct TimelineDocument: Hashable, Sendable, Codable {
    public var incident: String
    public var channel: String
    public var title: String
    public var severity: String
    public var drill: Bool
    /// `active`, `resolved` or `false_alarm`.
    public var status: String
    public var declaredAt: Date
    public var closedAt: Date?
    /// The zone the `text` of entries shows times in (`Europe/Berlin`).
    public var timeZone: String
    public var durations: Durations
    public var entries: [Entry]
    /// How the response ran, once the incident is closed.
    public var score: Score?

    /// The key durations, in seconds.
    public struct Durations: Hashable, Sendable, Codable {
        public var impactStart: Date?
        public var impactToDeclareSeconds: Int?
        public var timeToCommanderSeconds: Int?
        public var timeToFirstUpdateSeconds: Int?
        /// Declare to first page; nil when no one was paged.
        public var timeToMobilizeSeconds: Int? = nil
        /// First page to first acknowledgement; nil when none came.
        public var timeToAcknowledgeSeconds: Int? = nil
        public var phases: [PhaseSeconds]
        public var totalSeconds: Int
        public var ongoing: Bool
        public var responderCount: Int
        public var responders: [Responder]

        enum CodingKeys: String, CodingKey {
            case impactStart = "impact_start"
            case impactToDeclareSeconds = "impact_to_declare_seconds"
            case timeToCommanderSeconds = "time_to_commander_seconds"
            case timeToFirstUpdateSeconds = "time_to_first_update_seconds"
            case timeToMobilizeSeconds = "time_to_mobilize_seconds"
            case timeToAcknowledgeSeconds = "time_to_acknowledge_seconds"
            case phases
            case totalSeconds = "total_seconds"
            case ongoing
            case responderCount = "responder_count"
            case responders
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(impactStart, forKey: .impactStart)
            try container.encode(impactToDeclareSeconds, forKey: .impactToDeclareSeconds)
            try container.encode(timeToCommanderSeconds, forKey: .timeToCommanderSeconds)
            try container.encode(timeToFirstUpdateSeconds, forKey: .timeToFirstUpdateSeconds)
            try container.encode(timeToMobilizeSeconds, forKey: .timeToMobilizeSeconds)
            try container.encode(timeToAcknowledgeSeconds, forKey: .timeToAcknowledgeSeconds)
            try container.encode(phases, forKey: .phases)
            try container.encode(totalSeconds, forKey: .totalSeconds)
            try container.encode(ongoing, forKey: .ongoing)
            try container.encode(responderCount, forKey: .responderCount)
            try container.encode(responders, forKey: .responders)
        }
    }

    /// Time spent in one phase.
    public struct PhaseSeconds: Hashable, Sendable, Codable {
        public var phase: String
        public var seconds: Int
    }

    /// One responder and their time on the response.
    public struct Responder: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var seconds: Int
    }

    /// A person named by an entry.
    public struct Person: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
    }

    /// One timeline entry.
    public struct Entry: Hashable, Sendable, Codable {
        public var at: Date
        public var elapsedSeconds: Int
        /// A `TimelineEntry.Kind` raw value.
        public var kind: String
        /// The entry in the phrasebook's words, people by name.
        public var text: String
        public var actor: Person?
        public var task: String?
        public var proposal: String?
        public var links: [String]

        enum CodingKeys: String, CodingKey {
            case at
            case elapsedSeconds = "elapsed_seconds"
            case kind, text, actor, task, proposal, links
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(at, forKey: .at)
            try container.encode(elapsedSeconds, forKey: .elapsedSeconds)
            try container.encode(kind, forKey: .kind)
            try container.encode(text, forKey: .text)
            try container.encode(actor, forKey: .actor)
            try container.encode(task, forKey: .task)
            try container.encode(proposal, forKey: .proposal)
            try container.encode(links, forKey: .links)
        }
    }

    enum CodingKeys: String, CodingKey {
        case incident, channel, title, severity, drill, status
        case declaredAt = "declared_at"
        case closedAt = "closed_at"
        case timeZone = "time_zone"
        case durations, entries, score
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(incident, forKey: .incident)
        try container.encode(channel, forKey: .channel)
        try container.encode(title, forKey: .title)
        try container.encode(severity, forKey: .severity)
        try container.encode(drill, forKey: .drill)
        try container.encode(status, forKey: .status)
        try container.encode(declaredAt, forKey: .declaredAt)
        try container.encode(closedAt, forKey: .closedAt)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(durations, forKey: .durations)
        try container.encode(entries, forKey: .entries)
        try container.encode(score, forKey: .score)
    }

    /// The document of `timeline`, its entries worded by `phrasebook` with times in `timeZone`.
    public init(_ timeline: Timeline, phrasebook: Phrasebook, timeZone: TimeZone) {
        let style = Timeline.style(timeZone: timeZone)
        let durations = timeline.durations
        incident = timeline.incident.description
        channel = timeline.channel.description
        title = timeline.title
        severity = timeline.severity.description
        drill = timeline.drill
        switch timeline.status {
        case .active: (status, closedAt) = ("active", nil)
        case .resolved(let at): (status, closedAt) = ("resolved", at)
        case .falseAlarm(let at): (status, closedAt) = ("false_alarm", at)
        }
        declaredAt = timeline.declaredAt
        self.timeZone = timeZone.identifier
        self.durations = Durations(
            impactStart: durations.impactStart, impactToDeclareSeconds: durations.impactToDeclare?.seconds,
            timeToCommanderSeconds: durations.timeToCommander?.seconds,
            timeToFirstUpdateSeconds: durations.timeToFirstUpdate?.seconds,
            phases: durations.phases.map { PhaseSeconds(phase: $0.phase.rawValue, seconds: $0.span.seconds) },
            totalSeconds: durations.total.seconds, ongoing: durations.ongoing,
            responderCount: durations.responders.count,
            responders: durations.responders.map {
                Responder(id: $0.user.id, name: $0.user.name, seconds: $0.span.seconds)
            })
        self.durations.timeToMobilizeSeconds = durations.timeToMobilize?.seconds
        self.durations.timeToAcknowledgeSeconds = durations.timeToAcknowledge?.seconds
        entries = timeline.entries.map { entry in
            Entry(
                at: entry.at, elapsedSeconds: entry.elapsed.seconds, kind: entry.kind.rawValue,
                text: phrasebook.render(entry.line, style: style),
                actor: entry.actor.map { Person(id: $0.id, name: $0.name) }, task: entry.task?.description,
                proposal: entry.proposal?.description, links: entry.links)
        }
        score = Score(timeline)
    }

    /// The document as pretty-printed JSON with sorted keys, ending in a newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a document `encoded()` wrote.
    public static func decode(_ data: Data) throws -> TimelineDocument {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(TimelineDocument.self, from: data)
    }
}
