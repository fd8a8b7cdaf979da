import DeputyChat
import DeputyCore
import Foundation
import Testing

/// Slack's room calls as Web API requests, and Slack's answers (PROTOCOLS.md §4's examples
/// among them) as what they mean.
@Suite("Slack's room API")
struct SlackRoomAPITests {
    static let api = SlackRoomAPI(token: "xoxb-room")
    static let origin = ChannelKey(platform: "slack", team: "T1", channel: "C0ORIGIN")

    static func answer(
        _ call: RoomCall, _ body: String, status: Int = 200, headers: [String: String] = [:]
    )
        -> RoomCallResult
    {
        api.result(of: call, status: status, headers: headers, body: Data(body.utf8))
    }

    @Test(
        "each call is one JSON POST to its method, with the bot token",
        arguments: [
            ExpectedRequest(
                call: .createRoom(name: "inc-12-db-down", displayName: "Ignored", isPrivate: true, origin: origin),
                path: "conversations.create", body: ["name": "inc-12-db-down", "is_private": true]),
            ExpectedRequest(
                call: .invite(users: ["U1", "U2", "U3"], room: "C9"), path: "conversations.invite",
                body: ["channel": "C9", "users": "U1,U2,U3"]),
            ExpectedRequest(
                call: .post(text: "*INC-12* <@U1>", channel: "C9"), path: "chat.postMessage",
                body: ["channel": "C9", "text": "*INC-12* <@U1>", "unfurl_links": false]),
            ExpectedRequest(
                call: .edit(text: "v2", channel: "C9", message: "1700000000.000001"), path: "chat.update",
                body: ["channel": "C9", "ts": "1700000000.000001", "text": "v2", "unfurl_links": false]),
            ExpectedRequest(
                call: .pin(channel: "C9", message: "1700000000.000001"), path: "pins.add",
                body: ["channel": "C9", "timestamp": "1700000000.000001"]),
            ExpectedRequest(call: .archive(room: "C9"), path: "conversations.archive", body: ["channel": "C9"]),
        ])
    func request(expected: ExpectedRequest) throws {
        let requests = Self.api.requests(for: expected.call)
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "https://slack.com/api/\(expected.path)")
        #expect(
            request.headers == ["Content-Type": "application/json; charset=utf-8", "Authorization": "Bearer xoxb-room"])
        #expect(try WireJSON(request.body) == expected.body)
    }

    @Test("a fake's base address is used as given, a trailing slash dropped")
    func apiBase() {
        let api = SlackRoomAPI(apiBase: "http://127.0.0.1:8080/api/", token: "t")
        #expect(api.requests(for: .archive(room: "C1")).first?.url == "http://127.0.0.1:8080/api/conversations.archive")
        #expect(api.nameLimit == 80)
    }

    @Test("an invite of more than 100 people is one request per hundred; of nobody, none")
    func longInvite() throws {
        let users = (1...150).map { "U\($0)" }
        let requests = Self.api.requests(for: .invite(users: users, room: "C9"))
        #expect(requests.count == 2)
        let second = try WireJSON(try #require(requests.last).body)
        #expect(second == ["channel": "C9", "users": .string(users[100...].joined(separator: ","))])
        #expect(Self.api.requests(for: .invite(users: [], room: "C9")).isEmpty)
    }

    @Test("a created channel's id and name, from the documented example")
    func created() {
        let body = """
            {"ok":true,"channel":{"id":"C0EAQDV4Z","name":"endeavor","is_channel":true,"is_private":false,\
            "is_member":true,"created":1504554479,"creator":"U0123456"}}
            """
        #expect(Self.answer(RoomCalls.all[0], body) == .done(id: "C0EAQDV4Z", name: "endeavor"))
        #expect(Self.answer(RoomCalls.all[0], #"{"ok":false,"error":"name_taken"}"#) == .nameTaken)
    }

    @Test("a posted message's ts is its id")
    func posted() {
        let body = #"{"ok":true,"channel":"C123ABC456","ts":"1503435956.000247","message":{"ts":"1503435956.000247"}}"#
        #expect(Self.answer(.post(text: "x", channel: "C123ABC456"), body) == .done(id: "1503435956.000247", name: nil))
    }

    @Test("a 200 without the JSON a call answers with is a failure, never a trap")
    func notTheAnswer() {
        let create = RoomCalls.all[0]
        #expect(Self.answer(create, "<html>gateway</html>") == .failed(reason: "Slack answered without a channel id"))
        #expect(Self.answer(create, #"{"ok":true}"#) == .failed(reason: "Slack answered without a channel id"))
        #expect(
            Self.answer(.post(text: "x", channel: "C1"), #"{"ok":true,"ts":7}"#)
                == .failed(reason: "Slack answered without a message ts"))
        #expect(Self.answer(.archive(room: "C1"), "") == .failed(reason: #"Slack answered without "ok""#))
    }

    @Test("an invite of people already in the room, or of the bot itself, is done")
    func inviteSettled() {
        let invite = RoomCall.invite(users: ["U1", "U2"], room: "C9")
        #expect(Self.answer(invite, #"{"ok":false,"error":"already_in_channel"}"#) == .done(id: nil, name: nil))
        #expect(Self.answer(invite, #"{"ok":false,"error":"cant_invite_self"}"#) == .done(id: nil, name: nil))
        let mixed = """
            {"ok":false,"error":"already_in_channel","errors":[{"user":"U1","ok":false,"error":"already_in_channel"},\
            {"user":"U2","ok":false,"error":"cant_invite_self"}]}
            """
        #expect(Self.answer(invite, mixed) == .done(id: nil, name: nil))
    }

    @Test("the documented multi-user invite error names the person it stopped")
    func inviteStopped() {
        let body = """
            {"ok":false,"error":"user_not_found","errors":[{"user":"U111111","ok":false,"error":"user_not_found"},\
            {"user":"U222222","ok":false,"error":"cant_invite_self"}]}
            """
        let invite = RoomCall.invite(users: ["U111111", "U222222"], room: "C9")
        #expect(Self.answer(invite, body) == .failed(reason: "user_not_found (U111111)"))
        #expect(Self.answer(invite, #"{"ok":false,"error":"is_archived"}"#) == .failed(reason: "is_archived"))
    }

    @Test("a card someone deleted is gone for chat.update and pins.add; a second pin or archive is done")
    func cardGone() {
        let edit = RoomCall.edit(text: "v2", channel: "C9", message: "1.2")
        let pin = RoomCall.pin(channel: "C9", message: "1.2")
        #expect(Self.answer(edit, #"{"ok":false,"error":"message_not_found"}"#) == .messageGone)
        #expect(Self.answer(pin, #"{"ok":false,"error":"message_not_found"}"#) == .messageGone)
        #expect(Self.answer(pin, #"{"ok":false,"error":"already_pinned"}"#) == .done(id: nil, name: nil))
        #expect(
            Self.answer(.archive(room: "C9"), #"{"ok":false,"error":"already_archived"}"#) == .done(id: nil, name: nil))
        #expect(
            Self.answer(edit, #"{"ok":false,"error":"cant_update_message"}"#) == .failed(reason: "cant_update_message"))
    }

    @Test("a 429 waits for Retry-After; Slack's transient errors are tried again")
    func later() {
        let post = RoomCall.post(text: "x", channel: "C9")
        let limited = #"{"ok":false,"error":"ratelimited"}"#
        #expect(
            Self.answer(post, limited, status: 429, headers: ["retry-after": "30"])
                == .retry(after: 30, reason: "rate limited (HTTP 429)"))
        #expect(Self.answer(post, limited, headers: ["retry-after": "2"]) == .retry(after: 2, reason: "ratelimited"))
        for error in ["internal_error", "fatal_error", "service_unavailable", "request_timeout"] {
            #expect(Self.answer(post, #"{"ok":false,"error":"\#(error)"}"#) == .retry(after: nil, reason: error))
        }
    }

    @Test("a missing scope names the scope needed; other refusals are their code")
    func refusals() {
        let create = RoomCalls.all[0]
        let scope = #"{"ok":false,"error":"missing_scope","needed":"channels:manage","provided":"chat:write"}"#
        #expect(Self.answer(create, scope) == .failed(reason: "missing_scope (needs channels:manage)"))
        #expect(Self.answer(create, #"{"ok":false,"error":"missing_scope"}"#) == .failed(reason: "missing_scope"))
        #expect(
            Self.answer(create, #"{"ok":false,"error":"restricted_action"}"#) == .failed(reason: "restricted_action"))
        #expect(
            Self.answer(create, #"{"ok":false,"error":"invalid_auth"}"#, status: 403)
                == .failed(reason: "HTTP 403 invalid_auth"))
    }
}
