import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// How every loop of the daemon sleeps: until a signal, or a deadline on its clock.
@Suite("Change signal")
struct ChangeSignalTests {
    @Test("a signal sent before anyone waits is kept for the next waiter")
    func remembered() async {
        let signal = ChangeSignal()
        signal.signal()
        await signal.wait()
    }

    @Test("a waiter wakes at its deadline on the manual clock, or earlier at a signal")
    func deadlineOrSignal() async {
        let time = ManualTimeSource(start: Fixtures.start)
        let signal = ChangeSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await signal.wait(until: Fixtures.start.addingTimeInterval(60), on: time) }
            _ = await Poll.until { time.sleeperCount == 1 }
            time.advance(by: 60)
            await group.next()
            group.addTask { await signal.wait(until: Fixtures.start.addingTimeInterval(600), on: time) }
            _ = await Poll.until { time.sleeperCount == 1 }
            signal.signal()
            await group.next()
        }
        #expect(time.sleeperCount == 0)
    }

    @Test("a cancelled waiter returns and leaves no one waiting")
    func cancelled() async {
        let signal = ChangeSignal()
        let task = Task { await signal.wait() }
        task.cancel()
        await task.value
        signal.signal()
        await signal.wait()
    }
}
