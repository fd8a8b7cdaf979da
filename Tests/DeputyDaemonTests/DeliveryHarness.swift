import CurlHTTP
import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Metrics
import MetricsTestKit
import Testing

@testable import DeputyDaemon

/// A delivery service with Slack as its one platform, on an in-memory store and a manual clock,
/// talking to whatever transport a test gives it.
struct DeliveryHarness {
    static let phrasebook: Phrasebook? = try? PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
    static let labels = SlackButtonLabels(
        understood: "Understood", done: "Done", needMoreTime: "More time", object: "Object", declare: "Declare")
    /// The incident's channel, and another one.
    static let channel = ChannelKey(platform: "slack", team: "T1", channel: "C1")
    static let other = ChannelKey(platform: "slack", team: "T1", channel: "C2")
    /// The incident commander, and the owner of the task whose timebox lapses.
    static let alice = User(id: "U1", name: "alice")
    static let hayley = User(id: "U2", name: "hayley")

    let store: DeputyStore
    let time: ManualTimeSource
    let metrics = TestMetrics()
    let delivery: Delivery

    /// A delivery service posting to `apiURL` through `transport`; `store` and `time` are new
    /// unless given (a restart passes the old ones).
    init(
        transport: any HTTPTransport, apiURL: String = "http://127.0.0.1:1/api", retry: RetryPolicy = RetryPolicy(),
        textLimit: Int = SlackEncoder.sectionLimit, store: DeputyStore? = nil, time: ManualTimeSource? = nil
    ) throws {
        self.store = try store ?? DeputyStore.inMemory()
        self.time = time ?? ManualTimeSource(start: Fixtures.start)
        let encoder = SlackEncoder(
            phrasebook: try #require(Self.phrasebook), labels: Self.labels, botToken: "xoxb-test", apiURL: apiURL,
            textLimit: textLimit)
        delivery = Delivery(
            store: SQLiteStore(self.store), transport: transport,
            platforms: ["slack": SlackOutbound(encoder: encoder)], time: self.time, retry: retry,
            logger: Logger(label: "test"), metrics: metrics)
    }

    /// Queues a decision for `channel`, whose text Slack sees as "Decision recorded: <text>"
    /// (`HTTPClientRequest.decision` reads it back), sendable now and for `expiresIn` seconds.
    func enqueue(_ text: String, in channel: ChannelKey = Self.channel, expiresIn: TimeInterval = 3600) throws {
        try enqueue(Reply.channel(.decisionRecorded, ["text": .text(text)]), in: channel, expiresIn: expiresIn)
    }

    /// Queues `reply` for `channel`, sendable now and for `expiresIn` seconds.
    func enqueue(_ reply: Reply, in channel: ChannelKey = Self.channel, expiresIn: TimeInterval = 3600) throws {
        let now = time.now
        let message = OutgoingMessage(channel: channel, incident: IncidentID(1), reply: reply, createdAt: now)
        let expires = now.addingTimeInterval(expiresIn)
        try store.commit([Commit(at: now, messages: [Commit.Message(message, notBefore: now, expiresAt: expires)])])
    }

    /// Declares an incident led by alice, gives hayley a task, marks what that said as delivered,
    /// then lets the task's timebox lapse: the outbox then holds the follow-up, and only it.
    func lapseTimebox() async throws {
        let desk = try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: time, policy: .init(expiry: .hours(1)),
            logger: Logger(label: "test"))
        let scheduler = Scheduler(
            desk: desk, time: time, logger: Logger(label: "test"), metrics: NOOPMetricsHandler.instance)
        await desk.observe(deadlines: { await scheduler.update($0, $1) }, outbox: {})
        for text in ["declare checkout is slow sev2", "lead", "assign <@U2|hayley> investigate the latency"] {
            let command = InboundCommand(
                channel: Self.channel, user: Self.alice, text: text, responseURL: nil, dedupeKey: nil)
            _ = await desk.submit(command)
        }
        for row in try store.duePending(now: time.now, limit: 100) { try store.markDelivered(row.id, at: time.now) }
        time.advance(by: 300)
        await scheduler.fireDue()
    }

    /// Tells the delivery service who commands each incident, as the store has it.
    func lookUpCommanders() async {
        let store = self.store
        await delivery.lookUpCommanders { id in try? store.incident(id)?.commander }
    }

    /// Runs `body` while the delivery service runs as the daemon runs it, then stops it.
    func whileRunning(_ body: () async throws -> Void) async throws {
        let running = Task { try await delivery.run() }
        defer { running.cancel() }
        try await body()
        running.cancel()
        _ = try? await running.value
    }

    /// The next pass's wake-up, after moving the clock to it; nil when none is due.
    @discardableResult
    func passAtWake(_ wake: Date?) async -> Date? {
        guard let wake else { return nil }
        if wake > time.now { time.set(wake) }
        return await delivery.pass()
    }

    /// How many messages have been counted under `label`: `deputy_deliveries_total`, say.
    func counted(_ label: String) -> Int64 {
        metrics.counterTotal(label: label)
    }

    /// What the gauge `label` last read; nil before it was first set.
    func gauge(_ label: String) throws -> Double? {
        try metrics.expectGauge(label).lastValue
    }
}

extension FakeTransport.Outcome {
    /// An HTTP status with an empty JSON body and these headers.
    static func status(_ status: Int, headers: [String: String] = [:]) -> Self {
        .respond(.json("{}", status: status, headers: headers))
    }

    /// A `CurlError` of `kind`, as libcurl reports a failure.
    static func curl(_ kind: CurlError.Kind) -> Self {
        .fail(CurlError(code: 28, message: "\(kind)", kind: kind))
    }
}

extension HTTPClientRequest {
    /// The Slack channel a Web API call posts to.
    var slackChannel: String? { jsonField("channel") }
    /// The text a Web API call posts.
    var slackText: String? { jsonField("text") }
    /// The text of a decision queued with `DeliveryHarness.enqueue(_:in:expiresIn:)`.
    var decision: String? {
        guard let text = slackText, text.hasPrefix(Self.decisionPrefix) else { return nil }
        return String(text.dropFirst(Self.decisionPrefix.count))
    }

    private static let decisionPrefix = "Decision recorded: "
}
