import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

/// Timelines read from the store, off the cooperative pool: what the timeline page shows and
/// what `/ic timeline` sums up.
public struct StoreTimelines: TimelineSource {
    let store: any IncidentStore
    /// The rules the practice score holds each incident to.
    let rules: Rules

    public init(store: any IncidentStore, rules: Rules = Rules()) {
        self.store = store
        self.rules = rules
    }

    public func timeline(of id: IncidentID, at now: Date) async throws -> Timeline? {
        try await store.log(of: id).map {
            Timeline(id: id, channel: $0.channel, records: $0.records, now: now, rules: rules)
        }
    }
}
