import DeputyChat
import DeputyCore
import DeputyPaging
import Foundation
import Testing

/// The Events API v2 event a page becomes, and what PagerDuty's answers mean.
struct PagerDutyEventsTests {
    typealias Fixtures = PagingFixtures

    private func body(_ page: PageRequest, link: String? = Fixtures.link) -> String {
        let data = PagerDutyEvents.body(
            for: page, routingKey: Fixtures.routingKey, severity: "critical", link: link, source: "deputy",
            at: Fixtures.pagedAt)
        return String(decoding: data, as: UTF8.self)
    }

    private func object(_ page: PageRequest, link: String? = Fixtures.link) throws -> [String: Any] {
        let data = Data(body(page, link: link).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The expected bytes were written by Python's `json.dumps(sort_keys=True,
    /// separators=(',', ':'), ensure_ascii=False)`, not by Deputy's encoder.
    @Test func aTriggerIsExactlyTheseBytes() {
        let expected =
            #"{"client":"Deputy","client_url":"https://deputy.example/incidents/INC-7/timeline","#
            + #""dedup_key":"deputy-INC-7-checkout","event_action":"trigger","#
            + #""links":[{"href":"https://deputy.example/incidents/INC-7/timeline","text":"INC-7 timeline"}],"#
            + #""payload":{"custom_details":{"channel":"slack/T01/C07","incident":"INC-7","#
            + #""incident_commander":"Bo Chen","message":"p99 is 4 s since 09:12, “checkout” only","#
            + #""paged_by":"Ana Lima","service":"checkout"},"severity":"critical","source":"deputy","#
            + #""summary":"INC-7 SEV-1 checkout is slow: p99 is 4 s since 09:12, “checkout” only","#
            + #""timestamp":"2026-03-14T09:30:05.250Z"},"routing_key":"e93facc04764012d7bfb002500d5d1a6"}"#
        #expect(body(Fixtures.trigger) == expected)
    }

    @Test func aResolveIsExactlyTheseBytes() {
        let expected =
            #"{"dedup_key":"deputy-INC-7-checkout","event_action":"resolve","#
            + #""routing_key":"e93facc04764012d7bfb002500d5d1a6"}"#
        #expect(body(Fixtures.resolve) == expected)
    }

    @Test func aResolveCarriesNoLinkEvenWhenGivenOne() {
        #expect(!body(Fixtures.resolve, link: Fixtures.link).contains("timeline"))
    }

    @Test func aTriggerWithoutMessageCommanderPagerOrLinkLeavesThemOut() throws {
        var page = Fixtures.trigger
        page.message = nil
        page.commander = nil
        page.pagedBy = nil
        let event = try object(page, link: nil)
        #expect(Set(event.keys) == ["routing_key", "event_action", "dedup_key", "payload", "client"])
        let payload = try #require(event["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == "INC-7 SEV-1 checkout is slow")
        let details = try #require(payload["custom_details"] as? [String: Any])
        #expect(Set(details.keys) == ["incident", "channel", "service"])
    }

    @Test func aPersonWithoutANameIsShownByTheirID() throws {
        var page = Fixtures.trigger
        page.commander = User(id: "U01", name: "")
        let payload = try #require(try object(page)["payload"] as? [String: Any])
        let details = try #require(payload["custom_details"] as? [String: Any])
        #expect(details["incident_commander"] as? String == "U01")
        #expect(details["paged_by"] as? String == "Ana Lima")
    }

    @Test(
        "The summary is cut to 1024 characters, however PagerDuty counts them",
        arguments: [String(repeating: "x", count: 3000), String(repeating: "🚒", count: 3000)])
    func longSummariesAreCut(message: String) throws {
        var page = Fixtures.trigger
        page.message = message
        let payload = try #require(try object(page)["payload"] as? [String: Any])
        let summary = try #require(payload["summary"] as? String)
        #expect(summary.hasPrefix("INC-7 SEV-1 checkout is slow: "))
        #expect(summary.utf16.count <= 1024)
        #expect(summary.utf16.count >= 1023)
        let details = try #require(payload["custom_details"] as? [String: Any])
        #expect(details["message"] as? String == message)
    }

    @Test func aDeliveredEvent() {
        let body = Data(#"{"status":"success","message":"Event processed","dedup_key":"srv01/HTTP"}"#.utf8)
        #expect(PagerDutyEvents.verdict(status: 202, headers: [:], body: body) == .delivered)
    }

    @Test func aRefusedEventQuotesPagerDuty() {
        let body = Data(
            #"{"status":"invalid event","message":"Event object is invalid","errors":["'routing_key' is invalid"]}"#
                .utf8)
        #expect(
            PagerDutyEvents.verdict(status: 400, headers: [:], body: body)
                == .permanent(
                    reason: "PagerDuty refused the event (HTTP 400): Event object is invalid: 'routing_key' is invalid",
                    notInChannel: false))
    }

    @Test func aRefusalThatEchoesTheKeyDoesNotRepeatIt() throws {
        let body = Data(
            #"{"message":"Event object is invalid","errors":["unknown key e93facc04764012d7bfb002500d5d1a6"]}"#.utf8)
        let verdict = PagerDutyEvents.verdict(status: 400, headers: [:], body: body)
        guard case .permanent(let reason, _) = verdict else {
            Issue.record("expected a dead letter, got \(verdict)")
            return
        }
        #expect(!reason.contains(Fixtures.routingKey))
        #expect(reason == "PagerDuty refused the event (HTTP 400): Event object is invalid: unknown key …")
    }

    @Test func aRefusalThatIsNotJSONIsJustItsStatus() {
        let verdict = PagerDutyEvents.verdict(status: 400, headers: [:], body: Data("<html>Bad</html>".utf8))
        #expect(verdict == .permanent(reason: "HTTP 400", notInChannel: false))
    }

    @Test func rateLimitingWaitsAsToldOrThirtySeconds() {
        let told = PagerDutyEvents.verdict(status: 429, headers: ["Retry-After": "120"], body: Data())
        #expect(told == .retry(after: 120, reason: "rate limited by PagerDuty (HTTP 429)"))
        let untold = PagerDutyEvents.verdict(status: 429, headers: [:], body: Data())
        #expect(untold == .retry(after: 30, reason: "rate limited by PagerDuty (HTTP 429)"))
    }

    @Test("Server errors and timeouts are retried", arguments: [500, 502, 503, 408])
    func serverErrorsAreRetried(status: Int) {
        let body = Data(#"{"status":"Unrecognized object","message":"Event object format is unrecognized"}"#.utf8)
        #expect(
            PagerDutyEvents.verdict(status: status, headers: [:], body: body)
                == .retry(after: nil, reason: "PagerDuty answered HTTP \(status)"))
    }

    @Test("A wrong key or URL is a dead letter that says so", arguments: [401, 403, 404])
    func wrongKeyOrURL(status: Int) {
        #expect(
            PagerDutyEvents.verdict(status: status, headers: [:], body: Data())
                == .permanent(
                    reason: "HTTP \(status): the PagerDuty routing key or events URL is wrong", notInChannel: false))
    }

    @Test func anyOtherClientErrorIsADeadLetter() {
        #expect(
            PagerDutyEvents.verdict(status: 413, headers: [:], body: Data())
                == .permanent(reason: "HTTP 413", notInChannel: false))
    }
}
