import DeputyCore
import DeputyStore
import Foundation

/// What `deputy export` and `deputy list` print, read from a store (an SQLite file opened
/// read-only beside a running daemon, or the replicas' PostgreSQL) and worded by the phrasebook,
/// times in the rules' time zone.
public struct IncidentReports {
    /// Where the incidents are read from.
    public var store: any IncidentStore
    /// The rules: their calendar gives the time zone and what "overdue" means.
    public var rules: Rules
    /// Every word printed.
    public var phrasebook: Phrasebook

    public init(store: any IncidentStore, rules: Rules, phrasebook: Phrasebook) {
        self.store = store
        self.rules = rules
        self.phrasebook = phrasebook
    }

    /// How `export` writes a timeline.
    public enum Format: String, CaseIterable, Sendable {
        /// A Markdown document: title, key durations, a table of entries.
        case markdown
        /// The stable JSON document (`TimelineDocument`).
        case json
        /// The postmortem's Markdown draft (`PostmortemDraft`), the timeline in it.
        case postmortem
    }

    /// Why an export cannot be made, in words for the operator.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The argument is not an incident id.
        case badID(String)
        /// No incident has this id.
        case unknownIncident(IncidentID)

        public var description: String {
            switch self {
            case .badID(let text): "“\(text)” is not an incident id: write it like INC-4 (or 4)"
            case .unknownIncident(let id): "there is no incident \(id) in this store"
            }
        }
    }

    /// The timeline of the incident named `idText` (`INC-4` or `4`) in `format`; `now` ends the
    /// durations of an incident that is still active.
    public func export(_ idText: String, format: Format, now: Date) async throws -> String {
        let trimmed = idText.trimmingCharacters(in: .whitespaces)
        guard let id = IncidentID(parsing: trimmed) else { throw Problem.badID(idText) }
        guard let log = try await store.log(of: id) else { throw Problem.unknownIncident(id) }
        let timeline = Timeline(id: id, channel: log.channel, records: log.records, now: now, rules: rules)
        let timeZone = rules.calendar.timeZone
        switch format {
        case .markdown:
            return timeline.markdown(phrasebook: phrasebook, timeZone: timeZone)
        case .json:
            let data = try TimelineDocument(timeline, phrasebook: phrasebook, timeZone: timeZone).encoded()
            return String(decoding: data, as: UTF8.self)
        case .postmortem:
            return PostmortemDraft(id: id, channel: log.channel, records: log.records, now: now, rules: rules)
                .markdown(phrasebook: phrasebook, timeZone: timeZone)
        }
    }

    /// One line per incident, newest first; only those whose postmortem is overdue at `now` when
    /// `overdueOnly`. Ends with a newline.
    public func list(overdueOnly: Bool, now: Date) async throws -> String {
        var incidents = try await store.loadIncidents(where: .all).sorted { $0.id > $1.id }
        if overdueOnly { incidents = incidents.filter { $0.postmortemIsOverdue(at: now, calendar: rules.calendar) } }
        let style = Timeline.style(timeZone: rules.calendar.timeZone)
        guard !incidents.isEmpty else {
            return phrasebook.render(Line(overdueOnly ? .listNoOverdue : .listNoIncidents), style: style) + "\n"
        }
        return incidents.map { incident in
            phrasebook.render(incident.listingLine(at: now, calendar: rules.calendar), style: style) + "\n"
        }.joined()
    }
}
