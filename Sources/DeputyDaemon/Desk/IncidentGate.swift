import DeputyCore
import DeputyStore

/// One decision at a time per incident, for a desk on a store other replicas write to. A desk
/// alone on its store decides a command on top of the one before it while that one's write is
/// still in flight (the log's length proves no one else appended). Beside replicas that proof is
/// not enough: if the write before fails as a conflict, the next was decided on events the
/// store never took, and another replica's events of the same number could make its length
/// check pass. So beside replicas a decision waits for the one before it to land.
///
/// Kept by the desk's actor: `enter` suspends until the incident is free, in arrival order.
struct IncidentGate {
    private var waiting: [IncidentID: [CheckedContinuation<Void, Never>]] = [:]
    private var held: Set<IncidentID> = []

    /// Takes `id` when it is free; false when another holds it (then `wait`).
    mutating func take(_ id: IncidentID) -> Bool {
        held.insert(id).inserted
    }

    /// Queues `continuation` for `id`, which is held.
    mutating func wait(for id: IncidentID, _ continuation: CheckedContinuation<Void, Never>) {
        waiting[id, default: []].append(continuation)
    }

    /// Lets go of `id`: hands it to the first waiting, or frees it.
    mutating func release(_ id: IncidentID) {
        if var queue = waiting[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[id] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(id)
        }
    }
}

extension DeskService {
    /// Runs `body` holding `id`'s gate when the store is shared (and `id` is known); at once
    /// otherwise.
    func gated<T>(_ id: IncidentID?, _ body: () async -> T) async -> T {
        guard store.isShared, let id else { return await body() }
        if !gate.take(id) {
            await withCheckedContinuation { gate.wait(for: id, $0) }
        }
        defer { gate.release(id) }
        return await body()
    }
}
