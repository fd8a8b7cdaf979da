import Foundation

/// One alert as a monitoring tool sent it: its identity, whether it fires or has resolved, and
/// its words. Everything in it is untrusted text, escaped wherever it is shown.
public struct IncomingAlert: Hashable, Sendable {
    /// The tool that sent it.
    public enum Source: String, Hashable, Sendable, Codable {
        case alertmanager
        case pagerduty
        /// A drill scenario's alert: it fires on the drill's clock, never from a real tool.
        case drill

        /// The name people read.
        public var displayName: String {
            switch self {
            case .alertmanager: "Alertmanager"
            case .pagerduty: "PagerDuty"
            case .drill: "drill scenario"
            }
        }
    }

    public var source: Source
    /// "The same alert": Alertmanager's fingerprint, PagerDuty's incident id.
    public var fingerprint: String
    public var firing: Bool
    /// What it says (its summary annotation, or its name).
    public var summary: String
    /// Where to look (the graph, the PagerDuty incident).
    public var link: String?
    /// When it started firing, as the tool said: a new firing of the same alert is a new fact.
    public var startedAt: Date?

    /// The longest summary kept: an incident title or a timeline line, not a whole payload.
    public static let summaryLimit = 300

    public init(
        source: Source, fingerprint: String, firing: Bool, summary: String, link: String? = nil,
        startedAt: Date? = nil
    ) {
        self.source = source
        self.fingerprint = fingerprint
        self.firing = firing
        let flat = summary.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.summary = flat.count > Self.summaryLimit ? String(flat.prefix(Self.summaryLimit - 1)) + "…" : flat
        self.link = link
        self.startedAt = startedAt
    }

    /// The key that makes a repeat of this alert's news (Alertmanager re-sends a whole group on
    /// every change and every repeat interval) a duplicate: its identity, state and start.
    public var dedupeKey: String {
        let start = startedAt.map { String(Int($0.timeIntervalSince1970)) } ?? "-"
        return "alert:\(source.rawValue):\(fingerprint):\(firing ? "firing" : "resolved"):\(start)"
    }
}
