import DeputyChat
import Foundation
import Testing

/// The Events API: URL checks answered, other events recognised and ignored, retries keyed once.
struct SlackEventTests {
    static let uninstalled =
        #"{"token":"XXYYZZ","team_id":"T1","api_app_id":"A1","event":{"type":"app_uninstalled"},"#
        + #""type":"event_callback","event_id":"Ev123","event_time":1234567890}"#

    @Test func aURLVerificationIsAnsweredWithItsChallenge() throws {
        let body =
            #"{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#
        let delivery = try SlackEventDelivery(body: Data(body.utf8), headers: [:])
        #expect(delivery.event == .urlVerification(challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"))
        #expect(!delivery.event.isIgnorable)
        #expect(delivery.dedupeKey == nil)
    }

    @Test func aCallbackIsRecognisedAndIgnorable() throws {
        let delivery = try SlackEventDelivery(body: Data(Self.uninstalled.utf8), headers: [:])
        #expect(delivery.event == .callback(type: "app_uninstalled", eventID: "Ev123", teamID: "T1"))
        #expect(delivery.event.isIgnorable)
        #expect(!delivery.isRetry)
        #expect(delivery.dedupeKey == "slack:event:T1:Ev123")
    }

    @Test func retriesShareTheFirstDeliverysKey() throws {
        let first = try SlackEventDelivery(body: Data(Self.uninstalled.utf8), headers: [:])
        let retry = try SlackEventDelivery(
            body: Data(Self.uninstalled.utf8),
            headers: ["x-slack-retry-num": "2", "X-Slack-Retry-Reason": "http_timeout"])
        #expect(retry.retryNumber == 2)
        #expect(retry.retryReason == "http_timeout")
        #expect(retry.isRetry)
        #expect(retry.dedupeKey == first.dedupeKey)
    }

    @Test func anUnreadableRetryHeaderIsNoRetryNumber() throws {
        let delivery = try SlackEventDelivery(body: Data(Self.uninstalled.utf8), headers: ["X-Slack-Retry-Num": "two"])
        #expect(delivery.retryNumber == nil)
    }

    @Test func otherEnvelopesAreIgnorable() throws {
        let body =
            #"{"token":"x","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1","type":"app_rate_limited"}"#
        let event = try SlackEvent(body: Data(body.utf8))
        #expect(event == .other(type: "app_rate_limited"))
        #expect(event.isIgnorable)
    }

    @Test(
        "Refusals",
        arguments: [
            (#"{"type":"url_verification"}"#, SlackError.missingField("challenge")),
            (#"{"type":"event_callback","team_id":"T1","event":{"type":"x"}}"#, .missingField("event_id")),
            (#"{"type":"event_callback","event_id":"Ev1","event":{"type":"x"}}"#, .missingField("team_id")),
        ])
    func refusals(body: String, error: SlackError) {
        #expect(throws: error) { try SlackEvent(body: Data(body.utf8)) }
    }

    @Test(arguments: ["", "{", #"{"challenge":"x"}"#, "[1]"])
    func unreadableBodiesAreMalformed(body: String) {
        #expect {
            try SlackEvent(body: Data(body.utf8))
        } throws: { error in
            guard case .malformedPayload = error as? SlackError else { return false }
            return true
        }
    }
}
