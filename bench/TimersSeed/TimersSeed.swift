import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyServer
import DeputyStore
import Foundation
import Logging

/// Builds the timers benchmark's data: `--incidents` incidents in as many Slack channels, each
/// with `--tasks` open timeboxes, written through `DeskService.submit` (the daemon's own path
/// from a decoded command to the store: the core decides, the desk group-commits) rather than
/// through HTTP, which would only add signing and parsing to a one-off setup.
///
///     timers-seed --database data/bench.sqlite --window-start <epoch s> [--window 60]
///         [--incidents 10000] [--tasks 10] [--rules Config/rules.yaml]
///
/// Each incident is declared, its declarer takes command (`lead`), and it gets `tasks - 1`
/// acknowledged tasks with a 2-hour timebox (acknowledged, so no acknowledgement nudge is
/// pending) and one task with a 5-minute timebox (short enough that rules.yaml sets no
/// acknowledgement nudge) that falls due inside the window: incident `i` of `n` at
/// `window-start + window × i / n`. That task's text carries its deadline (`due=<epoch ms>`),
/// which Deputy's follow-up quotes, so a fake Slack API can tell how late the nudge arrived.
///
/// Commands are stamped with a clock the tool sets per command (a task-local value read by the
/// desk's `TimeSource`), so the deadlines fall where they should whatever time the seeding takes.
@main
enum TimersSeed {
    struct Options {
        var database = ""
        var windowStart = 0.0
        var window = 60.0
        var incidents = 10_000
        var tasks = 10
        var rules = "Config/rules.yaml"
        var concurrency = 512
    }

    static func main() async throws {
        let options = parse(CommandLine.arguments.dropFirst())
        let rules: Rules
        do {
            rules = try RulesLoader.load(path: options.rules)
        } catch {
            fail("\(error)")
        }
        let store = try DeputyStore.open(path: options.database)
        let sqlite = SQLiteStore(store)
        var logger = Logger(label: "timers-seed")
        logger.logLevel = .warning
        let desk = try await DeskService(
            store: sqlite, rules: rules, time: TaskClock(), policy: .init(expiry: .hours(1)), logger: logger)
        let started = ContinuousClock.now
        let failures = await withTaskGroup(of: Int.self) { group in
            var next = 0
            var failures = 0
            func add() {
                let index = next
                next += 1
                group.addTask { await seed(incident: index, options: options, desk: desk) }
            }
            while next < min(options.concurrency, options.incidents) { add() }
            for await failed in group {
                failures += failed
                if next < options.incidents { add() }
            }
            return failures
        }
        let elapsed = ContinuousClock.now - started
        let deadlines = try await sqlite.nextDeadlines()
        let first = deadlines.first.map { String(format: "%.3f", $0.at.timeIntervalSince1970) } ?? "none"
        print(
            "seeded \(options.incidents) incidents × \(options.tasks) open timeboxes in \(elapsed) "
                + "through DeskService (\(failures) commands not answered as expected); "
                + "\(deadlines.count) incidents have a deadline, the first at \(first)")
        if failures > 0 { exit(1) }
    }

    /// Declares incident `index` and assigns its tasks; returns how many commands went wrong.
    static func seed(incident index: Int, options: Options, desk: DeskService) async -> Int {
        let n = options.incidents
        let dueMillis = Int64(((options.windowStart + options.window * Double(index) / Double(n)) * 1000).rounded())
        let due = Date(timeIntervalSince1970: Double(dueMillis) / 1000)
        let shortBox: TimeInterval = 300
        let start = due.addingTimeInterval(-shortBox - 2)
        let channel = ChannelKey(platform: "slack", team: "T0BENCH01", channel: String(format: "C%08d", index))
        let lead = User(id: String(format: "L%08d", index), name: "lead\(index)")
        func owner(_ k: Int) -> User {
            let number = (index * options.tasks + k) % 1000
            return User(id: String(format: "U%08d", number), name: "user\(number)")
        }
        func mention(_ user: User) -> String { "<@\(user.id)|\(user.name)>" }
        var commands: [(Date, User, String)] = [
            (start, lead, "declare checkout is slow in region \(index) sev2"),
            (start, lead, "lead"),
        ]
        for k in 1..<max(options.tasks, 1) {
            let at = start.addingTimeInterval(Double(k) / 100)
            commands.append((at, lead, "assign \(mention(owner(k))) check replica \(k) in 2h"))
            commands.append((at, owner(k), "ack T\(k)"))
        }
        let text = "assign \(mention(owner(0))) check shard \(index) due=\(dueMillis) in 5m"
        commands.append((due.addingTimeInterval(-shortBox), lead, text))
        var failures = 0
        for (at, user, text) in commands {
            let result = await TaskClock.$now.withValue(at) {
                await desk.submit(InboundCommand(channel: channel, user: user, text: text))
            }
            if case .answered = result { continue }
            failures += 1
        }
        return failures
    }

    static func parse(_ arguments: ArraySlice<String>) -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            guard let value = iterator.next() else { fail("\(name) needs a value") }
            switch name {
            case "--database": options.database = value
            case "--window-start": options.windowStart = Double(value) ?? 0
            case "--window": options.window = Double(value) ?? options.window
            case "--incidents": options.incidents = Int(value) ?? options.incidents
            case "--tasks": options.tasks = Int(value) ?? options.tasks
            case "--rules": options.rules = value
            case "--concurrency": options.concurrency = Int(value) ?? options.concurrency
            default: fail("unknown option \(name)")
            }
        }
        if options.database.isEmpty || options.windowStart <= 0 {
            fail(
                "usage: timers-seed --database FILE --window-start EPOCH_SECONDS [--window S] [--incidents N] "
                    + "[--tasks N]")
        }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("timers-seed: \(message)\n".utf8))
        exit(2)
    }
}

/// The desk's clock while seeding: whatever the submitting task set.
struct TaskClock: TimeSource {
    @TaskLocal static var now = Date()

    var now: Date { Self.now }

    func sleep(until deadline: Date) async throws {}
}
