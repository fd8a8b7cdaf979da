import DeputyDaemon
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// The whole daemon against a Slack that says "slow down", with a 429 or with `ok:false` and
/// `ratelimited`: the channel waits exactly as long as `Retry-After` says, not a second less,
/// while another incident's nudge goes out; then each message reaches Slack once, in order.
@Suite("Outbound faults, live: rate limits and Retry-After")
struct OutboundRateLimitLiveTests {
    @Test("HTTP 429 with Retry-After: 300 waits five minutes, then each message once and in order")
    func tooManyRequests() async throws {
        try await Self.expectRetryAfterHonoured(
            .status(429, retryAfter: "300"), seconds: 300, reason: "rate limited (HTTP 429)")
    }

    @Test("ok:false ratelimited with Retry-After: 240 waits four minutes, then each message once and in order")
    func slackRateLimited() async throws {
        try await Self.expectRetryAfterHonoured(
            .slackError("ratelimited", retryAfter: "240"), seconds: 240, reason: "ratelimited")
    }

    /// Fails the faulty channel's first call with `fault`, which says to wait `seconds`, and checks
    /// that the retry comes no sooner and no later, with the other incident's follow-up meanwhile.
    static func expectRetryAfterHonoured(_ fault: SlackFault, seconds: TimeInterval, reason: String) async throws {
        let faulty = FaultScene.faulty
        try await FaultySlackAPI.serving { api in
            api.fail(faulty, with: fault, times: 1)
            try await FaultScene.run(apiURL: api.apiURL) { scene in
                try await scene.queueDecisions { api.attempts(to: faulty) >= 1 }
                let retryAt = FaultScene.queuedAt.addingTimeInterval(seconds)
                let waiting = try await scene.outbox(faulty)
                #expect(waiting.first?.notBefore == retryAt, "the head waits as long as Retry-After says")
                #expect(waiting.first?.lastError == reason)
                #expect(waiting.first?.attempts == 1)

                try await scene.lapseHealthyTimebox()
                let followedUp = await scene.drive(step: 5, steps: 12) {
                    api.posted(to: FaultScene.healthy).contains { $0.contains("it's been") }
                }
                #expect(followedUp, "the other incident's follow-up went out while this channel waited")
                try await scene.moveClock(to: retryAt.addingTimeInterval(-1))
                #expect(api.attempts(to: faulty) == 1, "not tried again before Retry-After")

                try await scene.moveClock(to: retryAt)
                #expect(api.posted(to: faulty).first == FaultScene.posts.first, "tried again once it passed")
                // Steps of 2 s, past the pacing; up to 4 minutes, as a look may wait for the loop's 30 s one.
                #expect(await scene.drive(step: 2, steps: 120) { api.posted(to: faulty).count == 3 })
                try await scene.moveClock(to: scene.time.now.addingTimeInterval(60))
                #expect(api.posted(to: faulty) == FaultScene.posts, "each once, in order")
                #expect(api.attempts(to: faulty) == 4, "one refused try, then one each")
                #expect(try await scene.outbox(faulty).map(\.state) == [.delivered, .delivered, .delivered])
                #expect(try scene.deadLetters().isEmpty)
            }
        }
    }
}
