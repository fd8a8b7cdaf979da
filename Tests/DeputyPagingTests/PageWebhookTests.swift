import DeputyChat
import DeputyCore
import DeputyPaging
import Foundation
import Testing

/// The generic page webhook's body, signature and verdicts.
struct PageWebhookTests {
    typealias Fixtures = PagingFixtures

    /// Written by Python's `json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False)`.
    static let triggerBody =
        #"{"action":"trigger","incident":"INC-7","link":"https://deputy.example/incidents/INC-7/timeline","#
        + #""message":"p99 is 4 s since 09:12, “checkout” only","paged_by":"Ana Lima","service":"checkout","#
        + #""severity":"SEV-1","title":"checkout is slow"}"#

    /// `python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec-deputy-test-1", body.encode(),
    /// hashlib.sha256).hexdigest())'` with `body` = `triggerBody`.
    static let triggerSignature = "sha256=2a4bb1ee249177d1aa36016607a465d1677ac2c0e20cf947c223aaaaa0dba5c9"

    @Test func aTriggerIsExactlyTheseBytes() {
        let body = PageWebhook.body(for: Fixtures.trigger, severity: "SEV-1", link: Fixtures.link)
        #expect(String(decoding: body, as: UTF8.self) == Self.triggerBody)
    }

    @Test func aResolveWritesNullForWhatItLacks() {
        let body = PageWebhook.body(for: Fixtures.resolve, severity: "SEV-1", link: nil)
        let expected =
            #"{"action":"resolve","incident":"INC-7","link":null,"message":null,"paged_by":null,"#
            + #""service":"checkout","severity":"SEV-1","title":"checkout is slow"}"#
        #expect(String(decoding: body, as: UTF8.self) == expected)
    }

    @Test func theSeverityIsTheOneGiven() throws {
        let body = PageWebhook.body(for: Fixtures.trigger, severity: "critical", link: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["severity"] as? String == "critical")
    }

    @Test func theSignatureMatchesAnIndependentHMAC() {
        let signature = PageWebhook.signature(of: Data(Self.triggerBody.utf8), secret: "whsec-deputy-test-1")
        #expect(signature == Self.triggerSignature)
    }

    @Test func anotherSecretOrBodySignsDifferently() {
        let body = Data(Self.triggerBody.utf8)
        #expect(PageWebhook.signature(of: body, secret: "whsec-deputy-test-2") != Self.triggerSignature)
        #expect(
            PageWebhook.signature(of: body + Data(" ".utf8), secret: "whsec-deputy-test-1") != Self.triggerSignature)
    }

    @Test func aTwoHundredIsDelivered() {
        #expect(PageWebhook.verdict(status: 200, headers: [:], body: Data("ok".utf8)) == .delivered)
        #expect(PageWebhook.verdict(status: 204, headers: [:], body: Data()) == .delivered)
    }

    @Test func aBadRequestQuotesTheReceiver() {
        let verdict = PageWebhook.verdict(status: 400, headers: [:], body: Data("missing field: title\n".utf8))
        #expect(verdict == .permanent(reason: "HTTP 400: missing field: title", notInChannel: false))
    }

    @Test func aBadRequestQuotesAtMostTwoHundredCharacters() {
        let text = String(repeating: "é", count: 150) + String(repeating: "z", count: 150)
        let verdict = PageWebhook.verdict(status: 400, headers: [:], body: Data(text.utf8))
        let expected = "HTTP 400: " + String(repeating: "é", count: 150) + String(repeating: "z", count: 50)
        #expect(verdict == .permanent(reason: expected, notInChannel: false))
    }

    @Test("A bad request without text is just its status", arguments: [Data(), Data([0xFF, 0xFE, 0x00, 0x41])])
    func aBadRequestWithoutText(body: Data) {
        #expect(
            PageWebhook.verdict(status: 400, headers: [:], body: body)
                == .permanent(reason: "HTTP 400", notInChannel: false))
    }

    @Test func retriesFollowRetryAfterInAnyCase() {
        #expect(
            PageWebhook.verdict(status: 503, headers: ["Retry-After": "7"], body: Data())
                == .retry(after: 7, reason: "HTTP 503"))
        #expect(
            PageWebhook.verdict(status: 429, headers: [:], body: Data())
                == .retry(after: 1, reason: "rate limited (HTTP 429)"))
    }

    @Test func otherClientErrorsAreDeadLetters() {
        #expect(
            PageWebhook.verdict(status: 404, headers: [:], body: Data("no such hook".utf8))
                == .permanent(reason: "HTTP 404", notInChannel: false))
    }
}
