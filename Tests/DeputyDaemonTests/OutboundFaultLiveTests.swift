import DeputyDaemon
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// The whole daemon against a Slack that fails on cue, one fault a test: whatever the fault, each
/// message reaches Slack once and in its channel's order (or is a dead letter when no retry can
/// help), and the scheduler's nudges for another incident go out meanwhile.
@Suite("Outbound faults, live: the daemon against a Slack that fails")
struct OutboundFaultLiveTests {
    static let faulty = FaultScene.faulty
    static let healthy = FaultScene.healthy

    @Test("connection refused: retried until Slack listens, then each message once and in order")
    func connectionRefused() async throws {
        try await FaultySlackAPI.serving(listening: false) { api in
            try await FaultScene.run(apiURL: api.apiURL) { scene in
                try await scene.queueDecisions { true }
                try await scene.lapseHealthyTimebox()
                #expect(try await scene.followUpCommitted(), "the scheduler fired while Slack was down")
                let failing = try await scene.outbox(Self.faulty)
                #expect(failing.map(\.state) == [.pending, .pending, .pending])
                #expect(failing.first.map { $0.attempts >= 1 } == true)
                #expect(
                    failing.first?.lastError?.contains("Couldn't connect") == true, "\(failing.first?.lastError ?? "")")
                #expect(api.received.isEmpty)

                try api.listen()
                try await Self.expectDeliveredOnceInOrder(scene, api)
            }
        }
    }

    @Test("a response slower than the timeout: given up on, retried, then each message once and in order")
    func slowResponse() async throws {
        try await FaultySlackAPI.serving { api in
            api.fail(Self.faulty, with: .stall)
            try await FaultScene.run(apiURL: api.apiURL, timeout: .seconds(1)) { scene in
                try await scene.queueDecisions { api.attempts(to: Self.faulty) >= 1 }
                try await Self.expectHealthyFollowUpWhileFailing(scene, api, reason: "timed out")
                api.heal(Self.faulty)
                try await Self.expectDeliveredOnceInOrder(scene, api)
            }
        }
    }

    @Test("a reset mid-body: retried, then each message once and in order")
    func resetMidBody() async throws {
        try await FaultySlackAPI.serving { api in
            api.fail(Self.faulty, with: .resetMidBody)
            try await FaultScene.run(apiURL: api.apiURL) { scene in
                try await scene.queueDecisions { api.attempts(to: Self.faulty) >= 1 }
                try await Self.expectHealthyFollowUpWhileFailing(scene, api, reason: "CurlError.connection")
                api.heal(Self.faulty)
                try await Self.expectDeliveredOnceInOrder(scene, api)
            }
        }
    }

    @Test("HTTP 500: retried with backoff, then each message once and in order")
    func serverError() async throws {
        try await FaultySlackAPI.serving { api in
            api.fail(Self.faulty, with: .status(500))
            try await FaultScene.run(apiURL: api.apiURL) { scene in
                try await scene.queueDecisions { api.attempts(to: Self.faulty) >= 1 }
                try await Self.expectHealthyFollowUpWhileFailing(scene, api, reason: "HTTP 500")
                api.heal(Self.faulty)
                try await Self.expectDeliveredOnceInOrder(scene, api)
            }
        }
    }

    @Test("ok:false channel_not_found: a dead letter `deputy outbox` lists; the channel's next messages go in order")
    func channelNotFound() async throws {
        try await FaultySlackAPI.serving { api in
            api.fail(Self.faulty, with: .slackError("channel_not_found"), times: 1)
            try await FaultScene.run(apiURL: api.apiURL) { scene in
                try await scene.queueDecisions { api.attempts(to: Self.faulty) >= 1 }
                try await scene.lapseHealthyTimebox()
                #expect(await scene.drive { api.posted(to: Self.healthy).contains { $0.contains("it's been") } })
                #expect(await scene.drive { api.posted(to: Self.faulty).count == 2 })
                try await scene.moveClock(to: scene.time.now.addingTimeInterval(60))
                #expect(api.posted(to: Self.faulty) == Array(FaultScene.posts.dropFirst()), "the rest, once, in order")
                #expect(api.attempts(to: Self.faulty) == 3, "the dead letter was tried once, never again")
                let dead = try scene.deadLetters()
                #expect(dead.map(\.lastError) == ["channel_not_found"])
                #expect(dead.first?.channel == FaultScene.key(Self.faulty))
                #expect(try await scene.outbox(Self.faulty).map(\.state) == [.dead, .delivered, .delivered])
            }
        }
    }

    /// Moves the clock past the healthy task's timebox while the faulty channel keeps failing:
    /// the follow-up reaches Slack, while the faulty channel's messages, tried again, still wait.
    static func expectHealthyFollowUpWhileFailing(
        _ scene: FaultScene, _ api: FaultySlackAPI, reason: String
    ) async throws {
        try await scene.lapseHealthyTimebox()
        #expect(await scene.drive { api.posted(to: healthy).contains { $0.contains("it's been") } })
        #expect(api.posted(to: faulty).isEmpty, "nothing reached Slack in the faulty channel meanwhile")
        let waiting = try await scene.outbox(faulty)
        #expect(waiting.map(\.state) == [.pending, .pending, .pending])
        #expect(api.attempts(to: faulty) >= 2, "tried again")
        #expect(waiting.first?.lastError?.contains(reason) == true, "\(waiting.first?.lastError ?? "no error")")
    }

    /// Lets the clock run until the faulty channel's messages have all gone, then once more, and
    /// checks that each reached Slack once, in order, and nothing was lost or buried.
    static func expectDeliveredOnceInOrder(_ scene: FaultScene, _ api: FaultySlackAPI) async throws {
        let gone = try await scene.drive { try await scene.live.pendingCount() == 0 }
        #expect(gone, "every message left the outbox")
        try await scene.moveClock(to: scene.time.now.addingTimeInterval(60))
        #expect(api.posted(to: faulty) == FaultScene.posts, "each once, in order")
        #expect(try await scene.outbox(faulty).map(\.state) == [.delivered, .delivered, .delivered])
        #expect(api.posted(to: healthy).filter { $0.contains("it's been") }.count == 1, "the follow-up once")
        #expect(try scene.deadLetters().isEmpty)
    }
}
