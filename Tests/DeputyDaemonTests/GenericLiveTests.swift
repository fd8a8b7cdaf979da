import CurlHTTP
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The whole daemon with only the generic webhook, over real HTTP: commands answered in full,
/// and a lapsed timebox's nudge posted to a fake receiver on 127.0.0.1 and kept for listing.
/// Every wait for a timer is on the manual clock.
@Suite("The generic webhook, live")
struct GenericLiveTests {
    static func json(_ response: HTTPClientResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
    }

    static func replies(_ response: HTTPClientResponse) -> [[String: String]] {
        json(response)["replies"] as? [[String: String]] ?? []
    }

    static func command(_ text: String, by user: String = "alice") -> String {
        #"{"channel":"general","user":"\#(user)","text":"\#(text)"}"#
    }

    @Test("every reply is in the answer, a lapsed timebox is posted once and listed after an id")
    func lapsedTimebox() async throws {
        try await FakeSlackAPI.serving { receiver, base in
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(
                environment: ["GENERIC_OUTBOUND_URL": base + "/generic"], apiURL: base, time: time
            ) { live in
                let declared = try await live.request(
                    "POST", "/hooks/generic", body: Self.command("/ic declare checkout is slow sev2"))
                #expect(declared.status == 200)
                #expect(
                    Self.replies(declared).first?["text"]?.hasPrefix("Incident declared: checkout is slow.") == true)
                let lead = try await live.request("POST", "/hooks/generic", body: Self.command("lead"))
                let leadReplies = Self.replies(lead)
                #expect(leadReplies.count == 2, "the claim and the private list of open roles: \(leadReplies)")
                #expect(leadReplies.first?["text"]?.contains("My name is @alice") == true)
                #expect(leadReplies.map { $0["visibility"] } == ["channel", "private"])
                let assigned = try await live.request(
                    "POST", "/hooks/generic", body: Self.command("/ic assign @hayley investigate the latency in 10m"))
                #expect(
                    Self.replies(assigned).first?["text"]?.hasPrefix("@hayley, I'd like you to investigate") == true)
                let unknown = try await live.request("POST", "/hooks/generic", body: Self.command("/ic frobnicate"))
                #expect(unknown.status == 200)
                #expect(Self.replies(unknown).first?["visibility"] == "private")
                #expect(try await live.pendingCount() == 0, "a command's replies are all in its answer")
                #expect(receiver.calls.isEmpty)

                let before = try await live.request("GET", "/hooks/generic/messages?channel=general")
                let listedBefore = Self.json(before)["messages"] as? [[String: Any]]
                #expect(listedBefore?.isEmpty == true, "nothing unprompted yet")

                // The 10-minute timebox lapses (the reminder to acknowledge at 3 minutes comes first).
                time.advance(by: 4 * 60)
                #expect(await Poll.until { receiver.calls.count == 1 }, "the private reminder to acknowledge")
                let firstID = try #require(
                    (Self.json(try await live.request("GET", "/hooks/generic/messages?channel=general"))["messages"]
                        as? [[String: Any]])?.last?["id"] as? Int)
                time.advance(by: 6 * 60)
                let followedUp = {
                    receiver.calls.filter { $0.text?.contains("Do you have any information on T1") == true }
                }
                let sent = try await Poll.until {
                    guard followedUp().count == 1 else { return false }
                    return try await live.pendingCount() == 0
                }
                #expect(sent, "the follow-up reached the receiver and left the outbox")
                let call = try #require(followedUp().first)
                #expect(call.method == "generic")
                #expect(call.authorization == nil)
                #expect(call.channel == "general")
                #expect(call.text?.hasPrefix("@hayley, it's been 10 minutes.") == true, "\(call.text ?? "")")
                #expect(call.mentions == ["hayley"])

                let listing = try await live.request("GET", "/hooks/generic/messages?channel=general&after=\(firstID)")
                #expect(listing.status == 200)
                let listed = try #require(Self.json(listing)["messages"] as? [[String: Any]])
                #expect(listed.count == 1, "\(listed)")
                #expect(listed.first?["text"] as? String == call.text)
                #expect(listed.first?["mentions"] as? [String] == ["hayley"])
                #expect(listed.first?["channel"] as? String == "general")
                #expect((listed.first?["at"] as? String)?.hasPrefix("20") == true)
                #expect((listed.first?["id"] as? Int ?? 0) > firstID)
                #expect(followedUp().count == 1, "posted once")
            }
        }
    }

    @Test("with GENERIC_TOKEN set, the routes want the bearer token")
    func token() async throws {
        try await LiveDaemon.running(environment: ["GENERIC_TOKEN": "live-token"]) { live in
            let refused = try await live.request("POST", "/hooks/generic", body: Self.command("status"))
            #expect(refused.status == 401)
            let accepted = try await live.request(
                "POST", "/hooks/generic", body: Self.command("status"),
                headers: [("Authorization", "Bearer live-token")])
            #expect(accepted.status == 200)
        }
    }
}
