import DeputyCore
import Foundation

/// What one replica hears of what others committed to a shared store.
public enum StoreChange: Sendable, Equatable {
    /// The feed started (or started again after a break): anything committed before may have
    /// been missed, so what the listener holds is read again.
    case listening
    /// An incident's next deadline is now this (nil: none).
    case deadline(IncidentID, Date?)
    /// Messages were queued in the outbox.
    case outbox
}

/// Whether a replica may fire an incident's due timers now.
public enum DeadlineClaim: Sendable, Equatable {
    /// This replica holds the claim: it fires, and commits what fired.
    case claimed
    /// Another replica claimed it until then: it is firing them; look again then.
    case heldElsewhere(until: Date)
}

/// The parts of the port only a store shared by replicas needs; an embedded store has one
/// writer, so every timer is its own and there is no one else to hear from.
extension IncidentStore {
    /// Claims an incident's due deadline at `now`, for a short while, so that one replica fires it.
    public func claimDeadline(of id: IncidentID, now: Date) async throws -> DeadlineClaim { .claimed }

    /// Calls `heard` with each change committed to the store (by any replica), starting with
    /// `.listening`, until the task is cancelled; throws when the feed breaks (the caller listens
    /// again). An embedded store has nothing to tell: it waits until cancelled.
    public func listen(_ heard: @escaping @Sendable (StoreChange) async -> Void) async throws {
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}
