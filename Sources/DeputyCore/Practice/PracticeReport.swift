import Foundation

/// How the practice score went over a run of closed incidents: one row per incident, oldest
/// first, and each measure's share met across them. What `deputy report` prints and the report
/// page draws.
public struct PracticeReport: Hashable, Sendable {
    /// The incidents, oldest close first.
    public var rows: [Row]
    /// Each measure scored in at least one row, in the order of `PracticeMeasure.Kind`.
    public var trends: [Trend]

    /// One closed incident and its score.
    public struct Row: Hashable, Sendable {
        public var id: IncidentID
        /// Where it ran: its channel, or its room once that was open.
        public var channel: ChannelKey
        public var title: String
        public var severity: Severity
        public var drill: Bool
        public var declaredAt: Date
        public var closedAt: Date
        public var score: PracticeScore

        public init(
            id: IncidentID, channel: ChannelKey, title: String, severity: Severity, drill: Bool, declaredAt: Date,
            closedAt: Date, score: PracticeScore
        ) {
            self.id = id
            self.channel = channel
            self.title = title
            self.severity = severity
            self.drill = drill
            self.declaredAt = declaredAt
            self.closedAt = closedAt
            self.score = score
        }

        /// The score out of 100; nil when nothing could be measured.
        public var total: Int? { score.total }
    }

    /// One measure across the rows.
    public struct Trend: Hashable, Sendable {
        public var kind: PracticeMeasure.Kind
        /// Its share met in each row, in the rows' order; nil where it was not measured.
        public var shares: [Double?]

        public init(kind: PracticeMeasure.Kind, shares: [Double?]) {
            self.kind = kind
            self.shares = shares
        }

        /// The shares of the rows it was measured in, in order.
        public var measured: [Double] { shares.compactMap { $0 } }
        /// How many rows it was measured in.
        public var count: Int { measured.count }
        /// Its share in the oldest row it was measured in.
        public var first: Double? { measured.first }
        /// Its share in the newest row it was measured in.
        public var last: Double? { measured.last }
    }

    /// The report of `scored`: the closed incidents among them, oldest close first (the lower
    /// id first on the same moment), each with its score. An incident still active is left out.
    public init(scored: [(incident: Incident, score: PracticeScore)]) {
        let rows = scored.compactMap { incident, score -> Row? in
            guard let closedAt = incident.closedAt else { return nil }
            return Row(
                id: incident.id, channel: incident.channel, title: incident.title, severity: incident.severity,
                drill: incident.drill, declaredAt: incident.declaredAt, closedAt: closedAt, score: score)
        }
        let sorted = rows.sorted { ($0.closedAt, $0.id) < ($1.closedAt, $1.id) }
        self.rows = sorted
        self.trends = PracticeMeasure.Kind.allCases.compactMap { kind in
            let shares = sorted.map { $0.score.measure(kind)?.share }
            return shares.contains { $0 != nil } ? Trend(kind: kind, shares: shares) : nil
        }
    }

    /// The report of the incidents `query` selects at `now`, each scored with `rules`; `names`
    /// are the channels' names, for a query that names its channel.
    public init(incidents: [Incident], query: Query, names: [ChannelKey: String], rules: Rules, now: Date) {
        let chosen = incidents.filter { query.includes($0, names: names, at: now) }
        self.init(scored: chosen.map { ($0, $0.practiceScore(at: now, rules: rules)) })
    }

    /// Which incidents a report holds: those closed in the window before now, in one channel
    /// when it names one.
    public struct Query: Hashable, Sendable {
        /// How far back from now a close counts.
        public var window: Window
        /// A channel's id, its `platform/team/channel` key, or its name (`#` optional); nil for
        /// every channel.
        public var channel: String?

        public init(window: Window = .default, channel: String? = nil) {
            self.window = window
            let trimmed = channel?.trimmingCharacters(in: .whitespaces)
            self.channel = trimmed?.isEmpty == false ? trimmed : nil
        }

        /// The earliest close the report holds, at `now`.
        public func start(at now: Date) -> Date { now - window.span.interval }

        /// Whether `incident` was closed in the window before `now` (a close after `now` too:
        /// nothing is hidden for being recent) and ran in the channel named.
        public func includes(_ incident: Incident, names: [ChannelKey: String], at now: Date) -> Bool {
            guard let closedAt = incident.closedAt, closedAt >= start(at: now) else { return false }
            guard let channel else { return true }
            let wanted = channel.hasPrefix("#") ? String(channel.dropFirst()) : channel
            var keys = [incident.channel]
            if let room = incident.room { keys.append(room.origin) }
            return keys.contains { key in
                key.channel == wanted || key.description == wanted
                    || names[key].map { Self.sameName($0, wanted) } ?? false
            } || incident.room.map { Self.sameName($0.name, wanted) } ?? false
        }

        /// Channel names compare without case and without a leading `#`.
        private static func sameName(_ name: String, _ wanted: String) -> Bool {
            let name = name.hasPrefix("#") ? String(name.dropFirst()) : name
            return name.caseInsensitiveCompare(wanted) == .orderedSame
        }
    }
}
