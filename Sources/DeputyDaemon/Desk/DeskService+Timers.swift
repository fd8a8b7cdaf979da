import DeputyCore
import DeputyStore
import Foundation
import Logging
import Metrics

extension DeskService {
    /// Fires one incident's due timers at `now`, durably; returns its next deadline.
    public func fireDue(_ id: IncidentID, at now: Date) async -> Date? {
        guard store.isShared else { return await fire(id, at: now) }
        // The incident's channel is the gate's key: an incident this desk has never held is
        // folded first (nothing else here holds it to race with), then caught up under the gate.
        if machine.channel(of: id) == nil, !(await freshen(id)) {
            return now.addingTimeInterval(Self.retryAfterStoreFailure)
        }
        guard let channel = machine.channel(of: id) else { return nil }  // No such incident.
        return await gated(channel) { await fire(id, at: now) }
    }

    private func fire(_ id: IncidentID, at now: Date) async -> Date? {
        let again = now.addingTimeInterval(Self.retryAfterStoreFailure)
        if store.isShared {
            // Replicas all hold every deadline: the one that claims it fires it, from the log as
            // the store has it (another may have appended, or declared the incident).
            do {
                if case .heldElsewhere(let until) = try await store.claimDeadline(of: id, now: now) { return until }
            } catch {
                logger.error("cannot claim a deadline", metadata: ["incident": "\(id)", "error": "\(error)"])
                return again
            }
            guard await freshen(id) else { return again }
        } else if machine.isUnfolded(id) {
            // The store cannot be read just now: try again a little later.
            guard await load([id]) else { return again }
        }
        for attempt in 0..<Self.conflictRetries {
            let (outcome, commit) = machine.due(id, at: now)
            guard let commit else { return machine.nextDeadline(of: id) }
            let persisted = await persist(commit, incident: id, opened: false)
            if case .conflict = persisted {
                // Another replica changed the incident (or fired the same timer): `restore` read
                // it again; what is still due fires from there.
                conflicts.increment()
                await pauseAfterConflict(attempt)
                continue
            }
            if persisted == .stored {
                nudges.increment(
                    by: outcome.records.filter { if case .nudged = $0.event { true } else { false } }.count)
                replies.increment(by: outcome.replies.count)
            }
            break
        }
        // A failed write that could not even read the incident back unloaded it: look again soon.
        return machine.isUnfolded(id) ? again : machine.nextDeadline(of: id)
    }

    /// On a store other desks write to, brings one incident in memory up to the store's log
    /// before its timers fire: folded if this desk never held it (declared on another replica),
    /// caught up if others appended. False when the store could not be read.
    func freshen(_ id: IncidentID) async -> Bool {
        guard machine.isFolded(id), let count = machine.eventCount(of: id) else { return await loadAddressed(id) }
        do {
            let records = try await store.records(of: id, after: count)
            if !records.isEmpty { machine.catchUp(id, with: records) }
            return true
        } catch {
            logger.error(
                "cannot read an incident's log from the store", metadata: ["incident": "\(id)", "error": "\(error)"])
            return false
        }
    }
}
