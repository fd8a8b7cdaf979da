import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyTestSupport
import Foundation
import Testing

/// Runs every scenario transcript under `Transcripts/` against the real rules and phrasebook,
/// through the daemon's own desk over a store in memory (`Conversation`).
@Suite("Scenario transcripts")
struct TranscriptTests {
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/DeputyDaemonTests/Transcripts")

    static let names: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".transcript") }
        .sorted()

    @Test("the transcripts are there")
    func present() {
        #expect(Self.names.count >= 40)
    }

    @Test("transcript", arguments: names)
    func run(name: String) async throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let transcript = try Transcript(name: name, text: text)
        var rules = try RulesLoader.load(path: Fixtures.path("Config/rules.yaml"))
        if let yaml = transcript.rulesYAML { rules = try RulesLoader.load(yaml: yaml, file: name) }
        rules.paging = transcript.paging
        rules.drills = try DrillScenarioLoader.load(folder: Fixtures.path("Config/drills"))
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        var runner = TranscriptRunner(
            conversation: try await Conversation(
                rules: rules, phrasebook: phrasebook, channel: Fixtures.channel, user: Conversation.user(named: "you")),
            now: transcript.start ?? Fixtures.start, file: name)
        for (line, step) in transcript.steps { try await runner.perform(step, line: line) }
        runner.finish()
    }
}

/// Plays a transcript: feeds lines, moves the manual clock, and checks every message in order.
struct TranscriptRunner {
    let conversation: Conversation
    var now: Date
    let file: String
    /// Messages said since the last input or wait, and how many of them are matched.
    var pending: [Conversation.Message] = []
    var matched = 0
    var lastStepLine = 0
    /// What really happened, in transcript form: printed when the transcript fails.
    var actual: [String] = []
    var failures = 0

    init(conversation: Conversation, now: Date, file: String) {
        self.conversation = conversation
        self.now = now
        self.file = file
    }

    mutating func perform(_ step: Transcript.Step, line: Int) async throws {
        switch step {
        case .type(let text):
            flush(before: line)
            actual.append(text)
            if let said = await conversation.type(text, at: now) {
                pending = said
                log(said)
            } else {
                fail("\(file):\(line): Deputy ignored the line: \(text)")
            }
        case .wait(let span):
            flush(before: line)
            now = now.addingTimeInterval(span.interval)
            pending = await conversation.advance(to: now)
            actual.append("wait \(span.seconds)s")
            log(pending)
        case .down(let span):
            flush(before: line)
            now = now.addingTimeInterval(span.interval)
            pending = try await conversation.resume(at: now)
            actual.append("down \(span.seconds)s")
            log(pending)
        case .expect(let recipient, let texts):
            guard matched < pending.count else {
                return fail("\(file):\(line): expected a message containing \(texts), but Deputy said nothing more")
            }
            let message = pending[matched]
            matched += 1
            let to = message.service.map { "page:" + $0 } ?? message.recipient?.name
            if to != recipient {
                fail(
                    "\(file):\(line): expected a message to \(recipient ?? "the channel"), got one to \(to ?? "the channel"): \(message.text)"
                )
            }
            for text in texts where !message.text.contains(text) {
                fail("\(file):\(line): expected \"\(text)\" in: \(message.text)")
            }
        case .absent(let text):
            for message in pending where message.text.contains(text) {
                fail("\(file):\(line): did not expect \"\(text)\" in: \(message.text)")
            }
        case .skip:
            matched = pending.count
        }
        lastStepLine = line
    }

    /// Every message must be matched before the next input or wait (or skipped with `...`).
    mutating func flush(before line: Int) {
        for message in pending[matched...] {
            fail(
                "\(file):\(line): unexpected message before this line, to \(message.recipient?.name ?? "the channel"): \(message.text)"
            )
        }
        pending = []
        matched = 0
    }

    mutating func finish() {
        flush(before: lastStepLine + 1)
        if failures > 0 { print("--- what Deputy said in \(file) ---\n" + actual.joined(separator: "\n")) }
    }

    private mutating func fail(_ message: String) {
        failures += 1
        Issue.record(Comment(rawValue: message))
    }

    private mutating func log(_ messages: [Conversation.Message]) {
        for message in messages {
            let to =
                message.service.map { "page → \($0): " } ?? message.recipient.map { "deputy → \($0.name): " }
                ?? "deputy: "
            let lines = message.text.components(separatedBy: "\n")
            actual.append(to + lines[0])
            actual += lines.dropFirst().map { "+ " + $0 }
        }
    }
}
