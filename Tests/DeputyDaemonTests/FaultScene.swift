import CurlHTTP
import DeputyConfig
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The scene of the outbound fault tests, on a live daemon: an incident in a healthy channel (C2)
/// whose task's 10-minute timebox is about to lapse, and three decisions queued for the faulty
/// channel (C1) nine minutes in. Only round trips are real; the clock moves by hand, one step at
/// a time once the daemon is idle.
struct FaultScene {
    static let faulty = "C1"
    static let healthy = "C2"
    /// What is queued for the faulty channel, in this order.
    static let decisions = ["roll back the deploy", "page the database team", "freeze deploys"]
    /// The words Slack sees for each decision, in order.
    static let posts = decisions.map { "Decision recorded: \($0)" }
    /// When the scene starts; the decisions are queued at `start` + 9 minutes.
    static let start = Fixtures.start
    static let queuedAt = start.addingTimeInterval(9 * 60)

    let live: LiveDaemon
    let time: ManualTimeSource

    /// Runs `body` with a daemon posting to Slack at `apiURL`, its requests capped at `timeout`
    /// when given, and the healthy channel's incident opened.
    static func run(
        apiURL: String, yaml: String = "host: 127.0.0.1\n", timeout: Duration? = nil,
        _ body: (FaultScene) async throws -> Void
    ) async throws {
        let time = ManualTimeSource(start: start)
        try await LiveDaemon.running(slack: true, apiURL: apiURL, time: time, yaml: yaml, timeout: timeout) { live in
            let scene = FaultScene(live: live, time: time)
            try await scene.openHealthyIncident()
            try await body(scene)
        }
    }

    /// Declares an incident in the healthy channel, led by alice, with hayley's task due in 10 minutes.
    private func openHealthyIncident() async throws {
        for text in ["declare checkout is slow sev2", "lead", "assign <@U2|hayley> investigate the latency in 10m"] {
            let answer = try await live.command(text, in: Self.healthy)
            #expect(answer.status == 200, "\(text): \(answer.status)")
        }
    }

    /// Moves the clock to nine minutes in and queues the decisions for the faulty channel, as the
    /// desk queues replies; returns once delivery has tried the first.
    func queueDecisions(tried: @escaping () -> Bool) async throws {
        try await moveClock(to: Self.queuedAt)
        let messages = Self.decisions.map { text in
            let reply = Reply.channel(.decisionRecorded, ["text": .text(text)])
            let message = OutgoingMessage(
                channel: Self.key(Self.faulty), incident: nil, reply: reply, createdAt: Self.queuedAt)
            let expiry = live.daemon.settings.delivery.expiry.interval
            return Commit.Message(
                message, notBefore: Self.queuedAt, expiresAt: Self.queuedAt.addingTimeInterval(expiry))
        }
        try await live.daemon.sqlite.run { try $0.commit([Commit(at: Self.queuedAt, messages: messages)]) }
        await live.daemon.delivery.notify()
        #expect(await Poll.until { tried() }, "delivery tried the first decision")
        #expect(await Poll.until { await live.isIdle(time) })
    }

    /// Moves the clock past the healthy task's timebox, once the daemon is idle: the scheduler's
    /// follow-up is due.
    func lapseHealthyTimebox() async throws {
        try await moveClock(to: Self.start.addingTimeInterval(10 * 60 + 1))
    }

    /// Waits for the daemon to be idle, then sets the clock to `date`, and waits again.
    func moveClock(to date: Date) async throws {
        #expect(await Poll.until { await live.isIdle(time) }, "idle before the clock moves")
        time.set(date)
        #expect(await Poll.until { await live.isIdle(time) }, "idle after the clock moved")
    }

    /// Moves the clock `step` at a time, each once the daemon is idle, until `condition` holds;
    /// whether it did within `steps` steps.
    func drive(
        step: TimeInterval = 5, steps: Int = 120, until condition: () async throws -> Bool
    ) async rethrows
        -> Bool
    {
        for _ in 0..<steps {
            _ = await Poll.until { await live.isIdle(time) }
            if try await condition() { return true }
            time.advance(by: step)
        }
        return try await condition()
    }

    /// Every message queued for `channel`, whatever became of it, oldest first.
    func outbox(_ channel: String) async throws -> [OutboxRow] {
        try await live.daemon.sqlite.run {
            try $0.messages(platform: "slack", channel: channel, after: 0, limit: 100)
        }
    }

    /// Whether the scheduler has followed up hayley's task in the healthy channel: the nudge is
    /// recorded and queued, whether or not Slack has it yet.
    func followUpCommitted() async throws -> Bool {
        try await live.daemon.sqlite.run { try $0.incident(IncidentID(1))?.tasks.first?.followedUp != nil }
    }

    /// The dead letters as `deputy outbox` lists them: read from the data file by a reader of its own.
    func deadLetters() throws -> [OutboxRow] {
        try DeputyStore.openForReading(path: live.daemon.settings.database).deadLetters(limit: 50)
    }

    /// The key of a Slack channel of team T1.
    static func key(_ channel: String) -> ChannelKey {
        ChannelKey(platform: "slack", team: "T1", channel: channel)
    }
}
