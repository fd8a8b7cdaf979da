import DeputyCore
import Foundation
import HeapModule

/// The earliest deadline of every incident, soonest first. Moving an incident's deadline
/// leaves its old entry behind; stale entries are skipped when they reach the top.
struct DeadlineQueue {
    struct Entry: Comparable {
        var at: Date
        var incident: IncidentID

        static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.at, lhs.incident) < (rhs.at, rhs.incident) }
    }

    private var heap = Heap<Entry>()
    private var current: [IncidentID: Date] = [:]

    /// How many incidents have a deadline.
    var count: Int { current.count }

    /// Sets (or clears, with nil) an incident's deadline.
    mutating func set(_ incident: IncidentID, _ at: Date?) {
        current[incident] = at
        if let at { heap.insert(Entry(at: at, incident: incident)) }
        if heap.count > 4 * max(current.count, 16) { compact() }
    }

    /// Brings an incident's deadline forward to `at`, or sets it when it has none; a later `at`
    /// changes nothing.
    mutating func hint(_ incident: IncidentID, _ at: Date) {
        if let held = current[incident], held <= at { return }
        set(incident, at)
    }

    /// The soonest live entry.
    mutating func peek() -> Entry? {
        while let top = heap.min {
            if current[top.incident] == top.at { return top }
            heap.removeMin()
        }
        return nil
    }

    /// Removes and returns the soonest live entry if it is due at `now`.
    mutating func popDue(at now: Date) -> Entry? {
        guard let top = peek(), top.at <= now else { return nil }
        heap.removeMin()
        current[top.incident] = nil
        return top
    }

    private mutating func compact() {
        heap = Heap(current.map { Entry(at: $0.value, incident: $0.key) })
    }
}
