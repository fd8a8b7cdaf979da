import DeputyChat
import DeputyCore
import Foundation
import Testing

/// Mattermost's room calls as REST v4 requests, and its answers (AppErrors among them) as what
/// they mean.
@Suite("Mattermost's room API")
struct MattermostRoomAPITests {
    static let api = MattermostRoomAPI(url: "https://mm.example.com", botToken: "mm-bot-token")
    static let origin = ChannelKey(platform: "mattermost", team: "team9xyz", channel: "town")

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
                call: .createRoom(
                    name: "inc-12-db-down", displayName: "INC-12 DB down", isPrivate: false, origin: origin),
                path: "/api/v4/channels",
                body: ["team_id": "team9xyz", "name": "inc-12-db-down", "display_name": "INC-12 DB down", "type": "O"]),
            ExpectedRequest(
                call: .createRoom(name: "inc-13", displayName: " ", isPrivate: true, origin: origin),
                path: "/api/v4/channels",
                body: ["team_id": "team9xyz", "name": "inc-13", "display_name": "inc-13", "type": "P"]),
            ExpectedRequest(
                call: .invite(users: ["u1", "u2"], room: "ch1"), path: "/api/v4/channels/ch1/members",
                body: ["user_ids": ["u1", "u2"]]),
            ExpectedRequest(
                call: .post(text: "**INC-12**", channel: "ch1"), path: "/api/v4/posts",
                body: ["channel_id": "ch1", "message": "**INC-12**"]),
            ExpectedRequest(
                call: .edit(text: "v2", channel: "ch1", message: "p1"), method: "PUT", path: "/api/v4/posts/p1/patch",
                body: ["message": "v2"]),
            ExpectedRequest(call: .pin(channel: "ch1", message: "p1"), path: "/api/v4/posts/p1/pin", body: .null),
            ExpectedRequest(call: .archive(room: "ch1"), method: "DELETE", path: "/api/v4/channels/ch1", body: .null),
        ])
    func request(expected: ExpectedRequest) throws {
        let requests = Self.api.requests(for: expected.call)
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == expected.method)
        #expect(request.url == "https://mm.example.com\(expected.path)")
        var headers = ["Authorization": "Bearer mm-bot-token"]
        if expected.body != .null {
            headers["Content-Type"] = "application/json"
        } else if expected.method != "DELETE" {
            headers["Content-Length"] = "0"  // a bodiless PUT or POST still says its length
        }
        #expect(request.headers == headers)
        #expect(try WireJSON(request.body) == expected.body)
    }

    @Test("a display name is cut to 64 runes; a name to 64 characters")
    func limits() throws {
        let long = String(repeating: "é", count: 70)
        let call = RoomCall.createRoom(
            name: String(repeating: "a", count: 70), displayName: long, isPrivate: false, origin: Self.origin)
        let body = try WireJSON(try #require(Self.api.requests(for: call).first).body)
        guard case .object(let fields) = body else {
            Issue.record("\(body)")
            return
        }
        #expect(fields["display_name"] == .string(String(repeating: "é", count: 64)))
        #expect(fields["name"] == .string(String(repeating: "a", count: 64)))
        #expect(Self.api.nameLimit == 64)
    }

    @Test("an id in a path is escaped, so it cannot reach another route")
    func escaped() {
        let request = Self.api.requests(for: .edit(text: "x", channel: "c", message: "../users/me")).first
        #expect(request?.url == "https://mm.example.com/api/v4/posts/..%2Fusers%2Fme/patch")
    }

    @Test("a created channel's id and name; a post's id")
    func created() {
        let channel = #"{"id":"ch7","name":"inc-12-db-down","display_name":"INC-12","team_id":"team9xyz","type":"O"}"#
        #expect(Self.answer(RoomCalls.all[0], channel, status: 201) == .done(id: "ch7", name: "inc-12-db-down"))
        #expect(
            Self.answer(.post(text: "x", channel: "ch7"), #"{"id":"p9"}"#, status: 201) == .done(id: "p9", name: nil))
        #expect(
            Self.answer(RoomCalls.all[0], "{}", status: 201)
                == .failed(reason: "Mattermost answered without a channel id"))
        #expect(
            Self.answer(.post(text: "x", channel: "ch7"), "", status: 201)
                == .failed(reason: "Mattermost answered without a post id"))
        #expect(Self.answer(.invite(users: ["u1"], room: "ch7"), "[]", status: 201) == .done(id: nil, name: nil))
    }

    @Test("a name held in the team is a 400 with the store's exists error")
    func nameTaken() {
        let body = """
            {"id":"store.sql_channel.save_channel.exists.app_error","message":"A channel with that name already exists \
            on the same team.","detailed_error":"","request_id":"r1","status_code":400}
            """
        #expect(Self.answer(RoomCalls.all[0], body, status: 400) == .nameTaken)
        let invalid = #"{"id":"model.channel.is_valid.name.app_error","status_code":400}"#
        #expect(
            Self.answer(RoomCalls.all[0], invalid, status: 400)
                == .failed(reason: "HTTP 400 model.channel.is_valid.name.app_error"))
    }

    @Test("a 404 on edit or pin is a card someone deleted; a second archive is done")
    func cardGone() {
        let missing = #"{"id":"app.post.get.app_error","status_code":404}"#
        #expect(Self.answer(.edit(text: "x", channel: "c", message: "p1"), missing, status: 404) == .messageGone)
        #expect(Self.answer(.pin(channel: "c", message: "p1"), missing, status: 404) == .messageGone)
        #expect(
            Self.answer(.archive(room: "c"), missing, status: 404) == .failed(reason: "HTTP 404 app.post.get.app_error")
        )
        let archived = #"{"id":"api.channel.delete_channel.deleted.app_error","status_code":400}"#
        #expect(Self.answer(.archive(room: "c"), archived, status: 400) == .done(id: nil, name: nil))
    }

    @Test("an edit refused as forbidden is looked up: a post not found (404, or 403 as current servers say) is gone")
    func lookUp() {
        let call = RoomCall.lookUp(channel: "c", message: "p1")
        let request = Self.api.requests(for: call)
        #expect(request.map(\.method) == ["GET"])
        #expect(request.first?.url.hasSuffix("/api/v4/posts/p1") == true)
        #expect(request.first?.body.isEmpty == true)
        #expect(
            Self.answer(call, #"{"id":"p1","delete_at":0,"message":"card"}"#, status: 200) == .done(id: nil, name: nil))
        #expect(Self.answer(call, #"{"id":"p1","delete_at":1700000000000}"#, status: 200) == .messageGone)
        let forbidden = #"{"id":"api.context.permissions.app_error","status_code":403}"#
        #expect(Self.answer(call, forbidden, status: 403) == .messageGone)
        #expect(Self.answer(call, #"{"id":"app.post.get.app_error","status_code":404}"#, status: 404) == .messageGone)
        #expect(Self.answer(call, "", status: 503) == .retry(after: nil, reason: "HTTP 503"))
        #expect(SlackRoomAPI(token: "xoxb-1").requests(for: call).isEmpty)
        #expect(DiscordRoomAPI(botToken: "t").requests(for: call).isEmpty)
    }

    @Test("a refusal's reason is the status and the AppError's id")
    func refused() {
        let body =
            #"{"id":"api.context.permissions.app_error","message":"You do not have the appropriate permissions."}"#
        #expect(
            Self.answer(RoomCalls.all[0], body, status: 403)
                == .failed(reason: "HTTP 403 api.context.permissions.app_error"))
        #expect(Self.answer(RoomCalls.all[0], "Forbidden", status: 403) == .failed(reason: "HTTP 403"))
    }

    @Test("a 429 waits for Retry-After, else X-Ratelimit-Reset's seconds")
    func rateLimited() {
        let post = RoomCall.post(text: "x", channel: "c")
        #expect(
            Self.answer(post, "", status: 429, headers: ["retry-after": "3", "x-ratelimit-reset": "9"])
                == .retry(after: 3, reason: "rate limited (HTTP 429)"))
        #expect(
            Self.answer(post, "", status: 429, headers: ["x-ratelimit-reset": "9"])
                == .retry(after: 9, reason: "rate limited (HTTP 429)"))
        #expect(
            Self.answer(post, "", status: 429, headers: ["x-ratelimit-reset": "1767225600"])
                == .retry(after: nil, reason: "rate limited (HTTP 429)"), "a moment in time is not a delay")
    }
}
