import DeputyChat
import Foundation
import Testing

/// Slack's request signing, against the official worked example and its failing variants.
struct SlackSignatureTests {
    typealias Official = SlackFixtures.Signing

    let verifier = SlackSignature(signingSecret: Official.secret)

    @Test func theOfficialExamplePasses() throws {
        try verifier.verify(
            body: Data(Official.body.utf8), timestamp: Official.timestamp, signature: Official.signature,
            now: Official.now)
    }

    @Test func signingTheOfficialExampleGivesItsSignature() {
        #expect(verifier.signature(body: Data(Official.body.utf8), timestamp: Official.timestamp) == Official.signature)
    }

    @Test func theOfficialExamplePassesWithHeadersInAnyCase() throws {
        let headers = ["x-slack-request-timestamp": Official.timestamp, "X-SLACK-SIGNATURE": Official.signature]
        try verifier.verify(body: Data(Official.body.utf8), headers: headers, now: Official.now)
    }

    @Test(
        "The official failing variants fail",
        arguments: [
            (Official.body + "------", Official.timestamp),
            (Official.body, "1531420619"),
        ])
    func officialVariantsFail(body: String, timestamp: String) {
        #expect(throws: SlackError.badSignature) {
            try verifier.verify(
                body: Data(body.utf8), timestamp: timestamp, signature: Official.signature, now: Official.now)
        }
    }

    @Test(
        "Missing headers are refused",
        arguments: [
            [:],
            ["X-Slack-Request-Timestamp": Official.timestamp],
            ["X-Slack-Signature": Official.signature],
            ["X-Slack-Request-Timestamp": "", "X-Slack-Signature": Official.signature],
            ["X-Slack-Request-Timestamp": Official.timestamp, "X-Slack-Signature": ""],
        ] as [[String: String]])
    func missingHeaders(headers: [String: String]) {
        #expect(throws: SlackError.missingSignature) {
            try verifier.verify(body: Data(Official.body.utf8), headers: headers, now: Official.now)
        }
    }

    @Test("Timestamps more than five minutes off, either way, are stale", arguments: [-100_000, -301, 301, 86_400])
    func staleTimestamps(offset: Int) {
        let now = Date(timeIntervalSince1970: 1_531_420_618 + TimeInterval(offset))
        #expect(throws: SlackError.stale) {
            try verifier.verify(
                body: Data(Official.body.utf8), timestamp: Official.timestamp, signature: Official.signature, now: now)
        }
    }

    @Test("Timestamps up to five minutes off, either way, are fresh", arguments: [-300, -1, 0, 299, 300])
    func freshTimestamps(offset: Int) throws {
        let now = Date(timeIntervalSince1970: 1_531_420_618 + TimeInterval(offset))
        try verifier.verify(
            body: Data(Official.body.utf8), timestamp: Official.timestamp, signature: Official.signature, now: now)
    }

    @Test(
        "Timestamps that are not whole seconds are stale",
        arguments: ["abc", "+1531420618", "1531420618.0", " 1531420618", "-5", "99999999999999999999999"])
    func malformedTimestamps(timestamp: String) {
        #expect(throws: SlackError.stale) {
            try verifier.verify(
                body: Data(Official.body.utf8), timestamp: timestamp, signature: Official.signature, now: Official.now)
        }
    }

    @Test(
        "Malformed or wrong signatures are refused",
        arguments: [
            "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033",
            "v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v0=b2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v0=",
            "v0=é114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        ])
    func badSignatures(signature: String) {
        #expect(throws: SlackError.badSignature) {
            try verifier.verify(
                body: Data(Official.body.utf8), timestamp: Official.timestamp, signature: signature, now: Official.now)
        }
    }

    @Test func upperCaseHexIsTheSameSignature() throws {
        let upper = "v0=" + Official.signature.dropFirst(3).uppercased()
        try verifier.verify(
            body: Data(Official.body.utf8), timestamp: Official.timestamp, signature: upper, now: Official.now)
    }

    @Test func anotherSecretDoesNotVerify() {
        let other = SlackSignature(signingSecret: "not-the-secret")
        #expect(throws: SlackError.badSignature) {
            try other.verify(
                body: Data(Official.body.utf8), timestamp: Official.timestamp, signature: Official.signature,
                now: Official.now)
        }
    }

    @Test func signatureFailuresAreAuthenticationFailures() {
        #expect(SlackError.badSignature.isAuthenticationFailure)
        #expect(SlackError.stale.isAuthenticationFailure)
        #expect(SlackError.missingSignature.isAuthenticationFailure)
        #expect(!SlackError.missingField("team_id").isAuthenticationFailure)
    }
}
