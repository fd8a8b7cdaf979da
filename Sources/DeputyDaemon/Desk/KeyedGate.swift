import DeputyCore
import DeputyStore

/// One piece of work at a time per channel, for a desk on a store other replicas write to: the
/// catch-up from the log, the decision and its write, for a command or a timer. A desk alone on
/// its store decides a command on top of the one before it while that one's write is still in
/// flight (the log's length proves no one else appended). Beside replicas that proof is not
/// enough: the log's length can match while its events differ. Two ways that happened, both found
/// by the benchmarks: a command decided on top of a write that then lost a conflict (task ids
/// handed out twice); and a catch-up read for a command applied on top of a timer's state that
/// was being put back after a conflict (a follow-up recorded twice, 591 of 10,000). So beside
/// replicas everything that reads the log into memory or decides waits for the work before it on
/// the same channel to land.
///
/// Kept by the desk's actor: a taker suspends until the key is free, in arrival order.
struct KeyedGate<Key: Hashable> {
    private var waiting: [Key: [CheckedContinuation<Void, Never>]] = [:]
    private var held: Set<Key> = []

    /// Takes `id` when it is free; false when another holds it (then `wait`).
    mutating func take(_ id: Key) -> Bool {
        held.insert(id).inserted
    }

    /// Queues `continuation` for `id`, which is held.
    mutating func wait(for id: Key, _ continuation: CheckedContinuation<Void, Never>) {
        waiting[id, default: []].append(continuation)
    }

    /// Lets go of `id`: hands it to the first waiting, or frees it.
    mutating func release(_ id: Key) {
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
    func gated<T>(_ id: ChannelKey?, _ body: () async -> T) async -> T {
        guard store.isShared, let id else { return await body() }
        if !gate.take(id) {
            await withCheckedContinuation { gate.wait(for: id, $0) }
        }
        defer { gate.release(id) }
        return await body()
    }
}
