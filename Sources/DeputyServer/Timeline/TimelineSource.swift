import DeputyCore
import Foundation

/// Where the timeline page reads an incident's timeline; the daemon reads its store.
public protocol TimelineSource: Sendable {
    /// The timeline of `id` as it stands at `now`; nil when there is no such incident. Throws
    /// when the store cannot be read.
    func timeline(of id: IncidentID, at now: Date) async throws -> Timeline?
}
