import DeputyCore
import Foundation

/// The core's cost per command (parse + handle) and per due-evaluation, on incidents whose logs
/// hold about 10, 1,000 and 10,000 events. Handling must stay flat as the log grows.
///
///     swift run -c release --scratch-path .build-release deputy-bench
@main
enum CoreBench {
    static let channel = ChannelKey(platform: "bench", team: "T", channel: "C")
    static let start = Date(timeIntervalSince1970: 1_795_921_200)
    static let alice = User(id: "alice", name: "alice")

    static func main() {
        let sizes = [10, 1_000, 10_000]
        var perCommand: [Int: Double] = [:]
        print(
            "| events in the log | parse + handle, per command | due evaluation, one follow-up firing | nextDeadline |")
        print("|---:|---:|---:|---:|")
        _ = measureCommands(logSize: 10)  // warm up caches and the allocator
        for size in sizes {
            // The best of three runs: the least disturbed by whatever else the machine is doing.
            let command = (0..<3).map { _ in measureCommands(logSize: size) }.min() ?? 0
            let due = (0..<3).map { _ in measureDue(logSize: size) }.min() ?? 0
            let next = (0..<3).map { _ in measureNextDeadline(logSize: size) }.min() ?? 0
            perCommand[size] = command
            print("| \(size) | \(format(command)) | \(format(due)) | \(format(next)) |")
        }
        printEncoding()
        let ratio = (perCommand[10_000] ?? 0) / max(perCommand[10] ?? 1, 1)
        print("")
        print("per-command cost, 10,000-event log / 10-event log: \(String(format: "%.2f", ratio)) (target ≤ 2)")
        if ratio > 2 {
            print("FAIL: handling a command grows with the log")
            exit(1)
        }
    }

    /// A desk whose one incident has at least `size` events: tasks assigned, acknowledged and
    /// done, notes, and findings, by a pool of 40 responders, as a long incident would have.
    static func desk(logSize size: Int) -> (Desk, Date) {
        let (desk, now, _) = deskAndLog(logSize: size)
        return (desk, now)
    }

    /// `desk(logSize:)`, with the records of its log.
    static func deskAndLog(logSize size: Int) -> (Desk, Date, [IncidentRecord]) {
        var desk = Desk(rules: Rules())
        var now = start
        var records: [IncidentRecord] = []
        func handle(_ text: String, by user: User) {
            records += desk.handle(text: text, by: user, in: channel, at: now).outcome.records
        }
        handle("declare checkout is slow sev2", by: alice)
        handle("lead", by: alice)
        var i = 0
        while (desk.incidents[IncidentID(1)]?.eventCount ?? 0) < size {
            now = now.addingTimeInterval(1)
            let user = User(id: "u\(i % 40)", name: "u\(i % 40)")
            switch i % 4 {
            case 0: handle("assign @\(user.name) check shard \(i) in 10m", by: alice)
            case 1: handle("note dashboard \(i) looks normal", by: user)
            case 2: handle("done T\(i / 4 + 1) shard \(i) is fine", by: alice)
            default: handle("summary still looking, round \(i)", by: user)
            }
            i += 1
        }
        return (desk, now, records)
    }

    /// Mean nanoseconds per command over 20 independent desks × 100 commands each.
    static func measureCommands(logSize size: Int) -> Double {
        let clock = ContinuousClock()
        var total = Duration.zero
        var count = 0
        for _ in 0..<20 {
            // Built here, owned here: nothing else shares the incident's storage, as in the daemon.
            var (desk, now) = desk(logSize: size)
            let elapsed = clock.measure {
                for i in 0..<100 {
                    now = now.addingTimeInterval(1)
                    let user = User(id: "b\(i % 10)", name: "b\(i % 10)")
                    switch i % 5 {
                    case 0:
                        _ = desk.handle(
                            text: "assign @\(user.name) investigate node \(i) in 10m", by: alice, in: channel, at: now)
                    case 1: _ = desk.handle(text: "ack", by: user, in: channel, at: now)
                    case 2: _ = desk.handle(text: "note restarted node \(i)", by: user, in: channel, at: now)
                    case 3: _ = desk.handle(text: "done node \(i) is healthy", by: user, in: channel, at: now)
                    default: _ = desk.handle(text: "status", by: alice, in: channel, at: now)
                    }
                }
            }
            total += elapsed
            count += 100
        }
        return nanoseconds(total) / Double(count)
    }

    /// Mean nanoseconds to evaluate what is due when one follow-up fires.
    static func measureDue(logSize size: Int) -> Double {
        let clock = ContinuousClock()
        var total = Duration.zero
        var count = 0
        for _ in 0..<20 {
            var (desk, now) = desk(logSize: size)
            for i in 0..<50 {
                now = now.addingTimeInterval(1)
                _ = desk.handle(text: "assign @b\(i) look at queue \(i) in 1m", by: alice, in: channel, at: now)
                let due = now.addingTimeInterval(60)
                total += clock.measure { _ = desk.due(at: due) }
                count += 1
                _ = desk.handle(
                    text: "done T\(desk.incidents[IncidentID(1)]?.tasks.count ?? 1)", by: alice, in: channel, at: due)
            }
        }
        return nanoseconds(total) / Double(count)
    }

    /// Mean nanoseconds for the scheduler's question: when is the next deadline?
    static func measureNextDeadline(logSize size: Int) -> Double {
        let (desk, _) = desk(logSize: size)
        let clock = ContinuousClock()
        var sink = 0.0
        let elapsed = clock.measure {
            for _ in 0..<2_000 { sink += desk.nextDeadline()?.timeIntervalSince1970 ?? 0 }
        }
        if sink == 42 { print("") }
        return nanoseconds(elapsed) / 2_000
    }

    /// What the store pays to write a record as JSON, and Slack to write an answer: Foundation's
    /// sorted-keys encoder against SortedJSON, over the records and replies of a 1,000-event log.
    static func printEncoding() {
        let records = deskAndLog(logSize: 1_000).2.suffix(400).map(\.event)
        let foundation = JSONEncoder()
        foundation.dateEncodingStrategy = .secondsSince1970
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let clock = ContinuousClock()
        var bytes = 0
        func best(_ body: () throws -> Void) -> Double {
            (0..<5).map { _ in nanoseconds(clock.measure { try? body() }) / Double(records.count) }.min() ?? 0
        }
        let slow = best { for record in records { bytes &+= try foundation.encode(record).count } }
        let fast = best { for record in records { bytes &+= try SortedJSON.encode(record).count } }
        if bytes == 42 { print("") }
        print("")
        print("writing an event as JSON, as the store does: Foundation \(format(slow)), SortedJSON \(format(fast))")
    }

    static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }

    static func format(_ ns: Double) -> String {
        ns >= 1_000_000 ? String(format: "%.2f ms", ns / 1e6) : String(format: "%.1f µs", ns / 1e3)
    }
}
