import DeputyTestSupport
import Foundation
import Synchronization
import Testing

@testable import DeputyDaemon

/// Group commit with no task of its own: callers lead in turn, and items that arrive together
/// share a batch.
@Suite("Group commit")
struct GroupCommitTests {
    /// The batches the work was given, in order.
    final class Batches: Sendable {
        private let batches = Mutex<[[Int]]>([])
        func add(_ batch: [Int]) { batches.withLock { $0.append(batch) } }
        var all: [[Int]] { batches.withLock { $0 } }
    }

    @Test("one caller alone gets its own batch and its outcome")
    func alone() async {
        let batches = Batches()
        let commit = GroupCommit<Int, Int> { batch in
            batches.add(batch)
            return batch.map { $0 * 10 }
        }
        #expect(await commit.submit(4) == 40)
        #expect(await commit.submit(5) == 50)
        #expect(batches.all == [[4], [5]])
    }

    @Test("items handed in while a batch runs go together into the next; every caller gets its own outcome")
    func together() async {
        let batches = Batches()
        let gate = ChangeSignal()
        let commit = GroupCommit<Int, Int> { batch in
            batches.add(batch)
            if batch == [0] { await gate.wait() }  // the first batch waits until the others queue
            return batch.map { $0 + 100 }
        }
        let results = await withTaskGroup(of: (Int, Int).self) { group in
            group.addTask { (0, await commit.submit(0)) }
            // Let the first batch start before the others arrive.
            _ = await Poll.until { batches.all.count == 1 }
            for item in 1...20 { group.addTask { (item, await commit.submit(item)) } }
            // Once all twenty wait, the first batch may finish.
            _ = await Poll.until { await commit.waitingCount == 20 }
            gate.signal()
            var results: [Int: Int] = [:]
            for await (item, outcome) in group { results[item] = outcome }
            return results
        }
        #expect(results == Dictionary(uniqueKeysWithValues: (0...20).map { ($0, $0 + 100) }))
        #expect(batches.all.count == 2)
        #expect(batches.all.last?.sorted() == Array(1...20))
    }

    @Test("a thousand callers at once: each outcome reaches its own caller, in few batches")
    func many() async {
        let batches = Batches()
        let commit = GroupCommit<Int, Int> { batch in
            batches.add(batch)
            await Task.yield()
            return batch.map { -$0 }
        }
        let wrong = await withTaskGroup(of: Bool.self) { group in
            for item in 0..<1000 { group.addTask { await commit.submit(item) == -item } }
            var wrong = 0
            for await right in group where !right { wrong += 1 }
            return wrong
        }
        #expect(wrong == 0)
        #expect(batches.all.flatMap { $0 }.sorted() == Array(0..<1000))
        #expect(await commit.waitingCount == 0)
    }
}
