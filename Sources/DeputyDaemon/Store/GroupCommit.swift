/// Work that arrives together is done together: each caller hands in one item and waits for its
/// result, and every item waiting when a batch starts goes into that batch (one transaction, one
/// fsync, for the commands or the delivery outcomes of the same moment).
///
/// It has no task of its own. The first caller to find no batch under way leads: it runs the
/// batches, handing every caller its result, until its own item is done; then, if items are still
/// waiting, it passes the lead to the caller of the oldest. So the work always runs in a caller's
/// task, structured, and a desk or a delivery needs no running service to write.
actor GroupCommit<Item: Sendable, Outcome: Sendable> {
    /// What a waiting caller is woken for: its result, or the lead.
    private enum Turn {
        case done(Outcome)
        case lead
    }

    /// Does one batch: one outcome for each item, in order.
    private let work: @Sendable ([Item]) async -> [Outcome]
    private var waiting: [(item: Item, id: UInt64, turn: CheckedContinuation<Turn, Never>?)] = []
    private var leading = false
    private var lastID: UInt64 = 0
    /// Outcomes of items whose callers have not picked them up yet (a leader's own).
    private var ready: [UInt64: Outcome] = [:]

    init(_ work: @escaping @Sendable ([Item]) async -> [Outcome]) {
        self.work = work
    }

    /// How many items wait for a batch.
    var waitingCount: Int { waiting.count }

    /// Hands in `item` and returns its outcome once the batch it went into is done.
    func submit(_ item: Item) async -> Outcome {
        lastID += 1
        let id = lastID
        if leading {
            let turn = await withCheckedContinuation { continuation in
                waiting.append((item, id, continuation))
            }
            switch turn {
            case .done(let outcome): return outcome
            case .lead: break
            }
        } else {
            leading = true
            waiting.append((item, id, nil))
        }
        return await lead(until: id)
    }

    /// Runs batches until the one holding `id` is done, then passes the lead on.
    private func lead(until id: UInt64) async -> Outcome {
        while ready[id] == nil {
            let batch = waiting
            waiting = []
            let outcomes = await work(batch.map(\.item))
            precondition(outcomes.count == batch.count, "a batch's work returns one outcome for each item")
            for (entry, outcome) in zip(batch, outcomes) {
                if let turn = entry.turn { turn.resume(returning: .done(outcome)) } else { ready[entry.id] = outcome }
            }
        }
        if let next = waiting.firstIndex(where: { $0.turn != nil }), let turn = waiting[next].turn {
            waiting[next].turn = nil
            turn.resume(returning: .lead)
        } else {
            leading = false
        }
        guard let outcome = ready.removeValue(forKey: id) else {
            preconditionFailure("a batch's work returns one outcome for each item")
        }
        return outcome
    }
}
