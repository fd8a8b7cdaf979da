import DeputyDaemon
import DeputyTestSupport
import Foundation
import Testing

/// The manual clock: sleepers wake when it is moved past their deadline, or when their task is
/// cancelled, so a whole service group on it can shut down.
@Suite("The manual clock: moved by the test, and cancellable")
struct ManualTimeSourceTests {
    @Test("a sleeper wakes when the clock passes its deadline, not before")
    func wakesAtDeadline() async throws {
        let time = ManualTimeSource()
        let deadline = time.now.addingTimeInterval(60)
        let sleeper = Task { try await time.sleep(until: deadline) }
        try await Self.waitForSleepers(1, on: time)
        time.advance(by: 59)
        #expect(time.sleeperCount == 1)
        time.advance(by: 1)
        try await sleeper.value
        #expect(time.sleeperCount == 0)
    }

    @Test("cancelling a sleeping task wakes it with CancellationError and forgets it")
    func cancelWhileAsleep() async throws {
        let time = ManualTimeSource()
        let sleeper = Task { try await time.sleep(until: time.now.addingTimeInterval(3600)) }
        try await Self.waitForSleepers(1, on: time)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(time.sleeperCount == 0)
        time.advance(by: 7200)  // Nothing left to resume twice.
    }

    @Test("a task cancelled before it sleeps throws at once and leaves no sleeper behind")
    func cancelledBeforeSleeping() async throws {
        let time = ManualTimeSource()
        let sleeper = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await time.sleep(until: time.now.addingTimeInterval(3600))
        }
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(time.sleeperCount == 0)
    }

    @Test("a sleep for a deadline already past returns at once")
    func pastDeadline() async throws {
        let time = ManualTimeSource()
        try await time.sleep(until: time.now)
        #expect(time.sleeperCount == 0)
    }

    @Test("cancelling a group of sleepers on different deadlines ends the group")
    func groupCancelled() async throws {
        let time = ManualTimeSource()
        let group = Task {
            try await withThrowingDiscardingTaskGroup { group in
                for minutes in 1...5 {
                    group.addTask { try await time.sleep(until: time.now.addingTimeInterval(Double(minutes) * 60)) }
                }
            }
        }
        try await Self.waitForSleepers(5, on: time)
        time.advance(by: 60)
        try await Self.waitForSleepers(4, on: time)
        group.cancel()
        await #expect(throws: CancellationError.self) { try await group.value }
        #expect(time.sleeperCount == 0)
    }

    /// Waits (bounded) until `count` tasks sleep on `time`: a test that never gets there fails
    /// instead of hanging.
    static func waitForSleepers(_ count: Int, on time: ManualTimeSource) async throws {
        try #require(await Poll.until { time.sleeperCount == count })
    }
}
