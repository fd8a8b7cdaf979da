import CoreMetrics
import DeputyCore
import DeputyStore
import Foundation
import Logging

/// What became of a commit.
enum Persisted: Sendable, Equatable {
    case stored
    case duplicate
    case failed
    /// Decided against a state the store no longer had: read again, decide again.
    case conflict(CommitConflict)
}

extension DeskService {
    /// Queues a commit for the next transaction and waits until it is durable, found to be a
    /// repeat, or failed. Anything but `.stored` puts the touched incident back as the store has it.
    func persist(_ commit: Commit, incident: IncidentID?, opened: Bool) async -> Persisted {
        let stored = await commits.submit(Pending(commit: commit, incident: incident, opened: opened))
        // The projection holds the deadline of the state this commit led to. When a later
        // command changed the incident meanwhile, its own commit reports the deadline (or, if it
        // fails, `restore` does): working it out here again would be the dearest step of a
        // command on an incident with many open tasks, for nothing.
        if stored == .stored, let incident, let eventCount = machine.eventCount(of: incident) {
            if let projection = commit.append?.projection {
                if eventCount == projection.eventCount { await observers.deadline?(incident, projection.nextDeadline) }
            } else {
                await observers.deadline?(incident, machine.nextDeadline(of: incident))
            }
        }
        if stored == .stored, !commit.messages.isEmpty { await observers.outbox?() }
        return stored
    }

    /// Writes one batch of commits in one transaction. Anything but `.stored` puts the touched
    /// incidents back as the store has them before any caller hears of it.
    func write(_ batch: [Pending]) async -> [Persisted] {
        do {
            let results = try await store.commit(batch.map(\.commit))
            let persisted: [Persisted] = results.map { result in
                switch result {
                case .applied: .stored
                case .duplicate: .duplicate
                case .conflict(let conflict): .conflict(conflict)
                }
            }
            await restore(batch.indices.filter { persisted[$0] != .stored }.map { batch[$0] })
            return persisted
        } catch {
            logger.error(
                "store write failed; \(batch.count) commands answered as not recorded", metadata: ["error": "\(error)"])
            await restore(batch)
            return batch.map { _ in .failed }
        }
    }

    /// Puts incidents back as the store has them, dropping changes that did not become durable,
    /// then tells the scheduler their deadlines (every change first: no command runs in between
    /// against a half-restored desk). An incident declared in the failed batch was never stored
    /// and is forgotten; one the store cannot be read for just now is dropped from memory but not
    /// forgotten: the next command reads it again, and the scheduler looks again in a few seconds.
    private func restore(_ failed: [Pending]) async {
        let (forgotten, rest) = machine.forgetFailed(failed)
        var deadlines: [(IncidentID, Date?)] = forgotten.map { ($0, nil) }
        if !rest.isEmpty {
            do {
                let stored = try await store.loadIncidents(where: .ids(rest))
                deadlines += machine.restored(stored, wanted: rest)
            } catch {
                logger.error("cannot read incidents back from the store", metadata: ["error": "\(error)"])
                let again = time.now.addingTimeInterval(Self.retryAfterStoreFailure)
                for id in rest {
                    machine.unload(id)
                    deadlines.append((id, again))
                }
            }
        }
        for (id, deadline) in deadlines { await observers.deadline?(id, deadline) }
    }

    /// What became of a decided commit.
    enum Landing {
        case stored
        /// It had landed before (the same key): nothing was done again.
        case duplicate
        case failed
        /// Another replica got there first: what it did is read; decide again.
        case decideAgain
    }

    /// Makes a decided command's or signal's `commit` durable and keeps memory in step: its keys
    /// remembered once it landed (a single key also when it had landed before: with several, the
    /// store refused them all for one it knew); after a conflict, what the other replica did is
    /// read and a short pause taken before deciding again.
    func land(
        _ commit: Commit, of decision: StateMachine.Decision, keys: [String], at now: Date, attempt: Int
    ) async -> Landing {
        switch await persist(commit, incident: decision.result.incident, opened: decision.opened) {
        case .stored:
            machine.stored(decision, key: nil, at: now)
            for key in keys { machine.remember(key, at: now) }
            return .stored
        case .duplicate:
            if keys.count == 1 { machine.remember(keys[0], at: now) }
            return .duplicate
        case .failed:
            return .failed
        case .conflict(let conflict):
            conflicts.increment()
            guard await settle(conflict) else { return .failed }
            await pauseAfterConflict(attempt)
            return .decideAgain
        }
    }

    /// Brings memory up to what the store holds after a conflict (the incident the conflict was
    /// about is read again already, by `restore`): the channel's newer incident, or a higher
    /// number. False when the store could not be read.
    func settle(_ conflict: CommitConflict) async -> Bool {
        switch conflict {
        case .logMoved:
            return true
        case .channelBusy(let channel):
            do {
                if let latest = try await store.latestIncident(in: channel) { machine.foldLatest(latest) }
                return true
            } catch {
                logger.error("cannot read a channel's incident from the store", metadata: ["error": "\(error)"])
                return false
            }
        case .numberTaken:
            do {
                machine.numberAbove(try await store.maxIncidentNumber())
                return true
            } catch {
                logger.error("cannot read the highest incident number", metadata: ["error": "\(error)"])
                return false
            }
        }
    }

    /// How many times a command or a timer is decided again after conflicts before giving up.
    /// Beside a replica committing to the same incident as fast as it can, one that lost may lose
    /// again: with two replicas and four streams on one incident, 5 tries left about 1 command in
    /// 25 unrecorded (ReplicaLiveTests).
    static let conflictRetries = 20

    /// A short random pause before deciding again after losing a conflict, growing with each
    /// loss (up to 1 + 2 × 20 ms): two replicas racing for one incident fall out of step
    /// instead of colliding again. Real time, not the desk's clock: it paces a database race,
    /// not an incident.
    func pauseAfterConflict(_ attempt: Int) async {
        guard store.isShared else { return }
        let most = 1 + 2 * min(attempt, Self.conflictRetries)
        try? await Task.sleep(for: .microseconds(Int.random(in: 500...(most * 1000))))
    }

    /// How long a command waits for a shared store's first read before it is refused (nothing
    /// changed, "try again"): with the database away, its client waits up to a minute before it
    /// gives up, and the platforms want an answer within 3 seconds. The commit that follows a
    /// read that answered is never cut short: a commit given up on might still land.
    static let readDeadline = Duration.milliseconds(2500)

    /// How soon the scheduler looks again at an incident the store could not be read for.
    static let retryAfterStoreFailure: TimeInterval = 5
}
