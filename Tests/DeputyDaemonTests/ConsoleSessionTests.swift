import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyTestSupport
import Foundation
import Synchronization
import Testing

/// `deputy console`: the daemon's desk over a store in memory, lines in, words out.
@Suite("The console")
struct ConsoleSessionTests {
    /// What the console printed, line by line.
    final class Printed: Sendable {
        private let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    func session(_ time: ManualTimeSource, _ printed: Printed) async throws -> ConsoleSession {
        let rules = try RulesLoader.load(path: Fixtures.path("Config/rules.yaml"))
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let conversation = try await Conversation(
            rules: rules, phrasebook: phrasebook,
            channel: ChannelKey(platform: "console", team: "local", channel: "#c"),
            user: Conversation.user(named: "you"))
        return ConsoleSession(conversation: conversation, time: time) { printed.add($0) }
    }

    @Test("a line is answered, timers due by the next line fire before it, and the timeline reads the log")
    func linesAndTimers() async throws {
        let time = ManualTimeSource(start: Fixtures.start)
        let printed = Printed()
        let console = try await session(time, printed)
        await console.handle("alice: /ic declare checkout is slow sev2")
        #expect(printed.all.first?.hasPrefix("[+00:00] deputy: Incident declared: checkout is slow.") == true)
        time.advance(by: 4 * 60)
        await console.handle("/ic status")
        let afterWait = printed.all.dropFirst()
        // The channel is asked for an IC at 3 minutes: that comes before the answer to the line.
        #expect(
            afterWait.first?.hasPrefix("[+04:00] deputy: It's been 3 minutes and no one has taken command.") == true)
        #expect(afterWait.last?.hasPrefix("[+04:00] deputy → @you (private): ") == true)
        await console.handle(":as bob")
        await console.handle("/ic lead")
        #expect(printed.all.contains { $0.contains("My name is @bob, I'm the incident commander.") })
        await console.handle("/ic timeline")
        #expect(printed.all.contains { $0.contains("INC-1 · SEV-2 · checkout is slow: declared") })
    }

    @Test("a line that is not a command says how to write one")
    func notACommand() async throws {
        let printed = Printed()
        let console = try await session(ManualTimeSource(start: Fixtures.start), printed)
        await console.handle("hello")
        await console.handle("# a comment")
        #expect(printed.all == ["(not a command: start the line with /ic, or NAME: /ic)"])
    }
}
