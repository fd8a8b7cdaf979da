import DeputyChat
import DeputyCore
import Foundation
import Testing

/// Discord's room calls as REST requests on a thread, and Discord's answers (its rate-limit and
/// Unknown Message bodies among them) as what they mean.
@Suite("Discord's room API")
struct DiscordRoomAPITests {
    static let api = DiscordRoomAPI(botToken: "discord-bot-token")
    static let origin = ChannelKey(platform: "discord", team: "G1", channel: "1190000000000000300")
    static let base = "https://discord.com/api/v10"
    static let mentions: WireJSON = ["parse": ["users"]]

    static func answer(
        _ call: RoomCall, _ body: String, status: Int, headers: [String: String] = [:]
    )
        -> RoomCallResult
    {
        api.result(of: call, status: status, headers: headers, body: Data(body.utf8))
    }

    @Test(
        "each call's method, address and JSON body",
        arguments: [
            ExpectedRequest(
                call: .createRoom(name: "inc-12-db-down", displayName: "x", isPrivate: false, origin: origin),
                path: "/channels/1190000000000000300/threads",
                body: ["name": "inc-12-db-down", "type": 11, "auto_archive_duration": 10080]),
            ExpectedRequest(
                call: .createRoom(name: "inc-13", displayName: "x", isPrivate: true, origin: origin),
                path: "/channels/1190000000000000300/threads",
                body: ["name": "inc-13", "type": 12, "auto_archive_duration": 10080]),
            ExpectedRequest(
                call: .post(text: "**INC-12** <@80351110224678912>", channel: "T1"), path: "/channels/T1/messages",
                body: ["content": "**INC-12** <@80351110224678912>", "allowed_mentions": mentions]),
            ExpectedRequest(
                call: .edit(text: "v2", channel: "T1", message: "M1"), method: "PATCH",
                path: "/channels/T1/messages/M1",
                body: ["content": "v2", "allowed_mentions": mentions]),
            ExpectedRequest(
                call: .pin(channel: "T1", message: "M1"), method: "PUT", path: "/channels/T1/messages/pins/M1",
                body: .null),
            ExpectedRequest(
                call: .archive(room: "T1"), method: "PATCH", path: "/channels/T1", body: ["archived": true]),
        ])
    func request(expected: ExpectedRequest) throws {
        let requests = Self.api.requests(for: expected.call)
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == expected.method)
        #expect(request.url == Self.base + expected.path)
        var headers = ["Authorization": "Bot discord-bot-token"]
        if expected.body != .null {
            headers["Content-Type"] = "application/json"
        } else if expected.method != "DELETE" {
            headers["Content-Length"] = "0"  // a bodiless PUT or POST still says its length
        }
        #expect(request.headers == headers)
        #expect(try WireJSON(request.body) == expected.body)
    }

    @Test("an invite is one bodiless PUT per person, in order")
    func invite() {
        let requests = Self.api.requests(for: .invite(users: ["U1", "U2", "U3"], room: "T1"))
        #expect(requests.map(\.url) == ["U1", "U2", "U3"].map { "\(Self.base)/channels/T1/thread-members/\($0)" })
        #expect(requests.allSatisfy { $0.method == "PUT" && $0.body.isEmpty })
        #expect(
            requests.allSatisfy { $0.headers == ["Authorization": "Bot discord-bot-token", "Content-Length": "0"] })
        #expect(Self.api.requests(for: .invite(users: [], room: "T1")).isEmpty)
    }

    @Test("a thread name is cut to 100 characters")
    func nameLimit() throws {
        let call = RoomCall.createRoom(
            name: String(repeating: "n", count: 120), displayName: "x", isPrivate: false, origin: Self.origin)
        let body = try WireJSON(try #require(Self.api.requests(for: call).first).body)
        guard case .object(let fields) = body else {
            Issue.record("\(body)")
            return
        }
        #expect(fields["name"] == .string(String(repeating: "n", count: 100)))
        #expect(Self.api.nameLimit == 100)
    }

    @Test("a created thread's id and name; a message's id; a 204 is done")
    func created() {
        let thread =
            #"{"id":"1190000000000000400","type":11,"name":"inc-12-db-down","parent_id":"1190000000000000300"}"#
        #expect(
            Self.answer(RoomCalls.all[0], thread, status: 201)
                == .done(id: "1190000000000000400", name: "inc-12-db-down"))
        #expect(
            Self.answer(.post(text: "x", channel: "T1"), #"{"id":"M9"}"#, status: 200) == .done(id: "M9", name: nil))
        #expect(Self.answer(.pin(channel: "T1", message: "M9"), "", status: 204) == .done(id: nil, name: nil))
        #expect(
            Self.answer(RoomCalls.all[0], "{}", status: 201) == .failed(reason: "Discord answered without a channel id")
        )
        #expect(
            Self.answer(.post(text: "x", channel: "T1"), "nope", status: 200)
                == .failed(reason: "Discord answered without a message id"))
    }

    @Test("a 429 waits for the body's retry_after, to the hundredth, else Retry-After")
    func rateLimited() {
        let body = #"{"message":"You are being rate limited.","retry_after":64.57,"global":false}"#
        let post = RoomCall.post(text: "x", channel: "T1")
        #expect(
            Self.answer(post, body, status: 429, headers: ["retry-after": "65"])
                == .retry(after: 64.57, reason: "rate limited (HTTP 429)"))
        #expect(
            Self.answer(post, "", status: 429, headers: ["retry-after": "65"])
                == .retry(after: 65, reason: "rate limited (HTTP 429)"))
    }

    @Test("Unknown Message (10008) or a 404 on edit or pin is a card someone deleted")
    func cardGone() {
        let unknown = #"{"message":"Unknown Message","code":10008}"#
        #expect(Self.answer(.edit(text: "x", channel: "T1", message: "M1"), unknown, status: 404) == .messageGone)
        #expect(Self.answer(.pin(channel: "T1", message: "M1"), unknown, status: 400) == .messageGone)
        #expect(Self.answer(.pin(channel: "T1", message: "M1"), "", status: 404) == .messageGone)
        #expect(
            Self.answer(.post(text: "x", channel: "T1"), #"{"message":"Unknown Channel","code":10003}"#, status: 404)
                == .failed(reason: "HTTP 404 10003 Unknown Channel"))
    }

    @Test("a refusal's reason is the status, Discord's code and its message")
    func refused() {
        let body = #"{"message":"Missing Permissions","code":50013}"#
        #expect(
            Self.answer(RoomCalls.all[0], body, status: 403) == .failed(reason: "HTTP 403 50013 Missing Permissions"))
        #expect(Self.answer(.archive(room: "T1"), "", status: 403) == .failed(reason: "HTTP 403"))
    }
}
