import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

/// Practice reports read from the store: what the report page shows and `deputy report` prints.
/// Every incident's log is folded and each closed one in the window is scored with `rules`.
public struct StorePracticeReports: PracticeReportSource {
    let store: any IncidentStore
    let rules: Rules

    public init(store: any IncidentStore, rules: Rules) {
        self.store = store
        self.rules = rules
    }

    public func report(_ query: PracticeReport.Query, at now: Date) async throws -> PracticeReport {
        let incidents = try await store.loadIncidents(where: .all)
        let names = query.channel == nil ? [:] : try await store.channelNames()
        return PracticeReport(incidents: incidents, query: query, names: names, rules: rules, now: now)
    }
}
