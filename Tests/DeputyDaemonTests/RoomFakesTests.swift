import CurlHTTP
import DeputyChat
import DeputyCore
import Foundation
import Testing

@testable import DeputyDaemon

/// The room APIs against the stateful fakes over real HTTP on 127.0.0.1: a room's whole life —
/// made (past a taken name), filled, its card posted, pinned, edited, deleted by someone,
/// archived — so the requests, the fakes and the reading of answers are proven together.
@Suite("Room APIs, live: libcurl to the stateful fake platforms")
struct RoomFakesTests {
    static let title = "Database is DOWN"

    static func name(limit: Int) -> String {
        RoomName.make(pattern: "inc-{number}-{slug}", number: 12, title: title, severity: "SEV-1", limit: limit)
    }

    static let done = RoomCallResult.done(id: nil, name: nil)

    @Test("Slack: a room past a taken name, people in, the card pinned and edited, then lost, then archived")
    func slack() async throws {
        try await FakeSlackWorkspace.serving { slack, base in
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let api = SlackRoomAPI(apiBase: base, token: "xoxb-test")
            let room = RoomDriver(api: api, client: client)
            let name = Self.name(limit: api.nameLimit)
            slack.takeName(name)
            let origin = ChannelKey(platform: "slack", team: "T1", channel: "C1")
            let create = { (name: String) in
                RoomCall.createRoom(name: name, displayName: "INC-12", isPrivate: false, origin: origin)
            }
            #expect(try await room.call(create(name)) == .nameTaken)
            let second = RoomName.alternative(name, attempt: 2, limit: api.nameLimit)
            let created = try await room.call(create(second))
            guard case .done(let id?, let made) = created else {
                Issue.record("\(created)")
                return
            }
            #expect(made == "inc-12-database-is-down-2")
            #expect(try await room.call(.invite(users: ["U1", "U2"], room: id)) == Self.done)
            #expect(try await room.call(.invite(users: ["U2"], room: id)) == Self.done, "already in")
            #expect(slack.channels[id]?.members == ["U1", "U2"])
            let posted = try await room.call(.post(text: "card v1", channel: id))
            guard case .done(let ts?, _) = posted else {
                Issue.record("\(posted)")
                return
            }
            #expect(try await room.call(.pin(channel: id, message: ts)) == Self.done)
            #expect(try await room.call(.pin(channel: id, message: ts)) == Self.done, "already pinned")
            #expect(try await room.call(.edit(text: "card v2", channel: id, message: ts)) == Self.done)
            #expect(slack.messages(in: id) == [.init(ts: ts, text: "card v2")])
            #expect(slack.pinned(in: id) == [ts])
            slack.deleteMessage(channel: id, ts: ts)
            #expect(try await room.call(.edit(text: "card v3", channel: id, message: ts)) == .messageGone)
            #expect(try await room.call(.pin(channel: id, message: ts)) == .messageGone)
            slack.rateLimitNext("chat.postMessage", retryAfter: 3)
            #expect(
                try await room.call(.post(text: "card", channel: id))
                    == .retry(after: 3, reason: "rate limited (HTTP 429)"))
            slack.failNext("conversations.create", with: "restricted_action")
            #expect(try await room.call(create("inc-13")) == .failed(reason: "restricted_action"))
            #expect(try await room.call(.archive(room: id)) == Self.done)
            #expect(try await room.call(.archive(room: id)) == Self.done, "already archived")
            #expect(slack.channels[id]?.archived == true)
            #expect(slack.count(of: "conversations.create") == 3)
            #expect(slack.calls.allSatisfy { $0.authorization == "Bearer xoxb-test" })
            #expect(slack.calls.first { $0.method == "chat.postMessage" }?.fields["unfurl_links"] == "false")
        }
    }

    @Test("Mattermost: a channel past a taken name, members added, the post pinned and patched, then lost, archived")
    func mattermost() async throws {
        try await FakeMattermostServer.serving { server, base in
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let api = MattermostRoomAPI(url: base, botToken: "mm-bot")
            let room = RoomDriver(api: api, client: client)
            let name = Self.name(limit: api.nameLimit)
            server.takeName(name, team: "team1")
            let origin = ChannelKey(platform: "mattermost", team: "team1", channel: "town")
            let create = { (name: String) in
                RoomCall.createRoom(name: name, displayName: "INC-12 Database is DOWN", isPrivate: true, origin: origin)
            }
            #expect(try await room.call(create(name)) == .nameTaken)
            let created = try await room.call(create(RoomName.alternative(name, attempt: 2, limit: api.nameLimit)))
            guard case .done(let id?, let made) = created else {
                Issue.record("\(created)")
                return
            }
            #expect(made == "inc-12-database-is-down-2")
            #expect(server.channels[id]?.type == "P")
            #expect(server.channels[id]?.displayName == "INC-12 Database is DOWN")
            #expect(try await room.call(.invite(users: ["u1", "u2"], room: id)) == Self.done)
            #expect(try await room.call(.invite(users: ["u1"], room: id)) == Self.done, "already a member")
            #expect(server.channels[id]?.members == ["u1", "u2"])
            let posted = try await room.call(.post(text: "card v1", channel: id))
            guard case .done(let post?, _) = posted else {
                Issue.record("\(posted)")
                return
            }
            #expect(try await room.call(.pin(channel: id, message: post)) == Self.done)
            #expect(try await room.call(.edit(text: "card v2", channel: id, message: post)) == Self.done)
            #expect(server.posts(in: id).map(\.message) == ["card v2"])
            #expect(server.pinned(in: id) == [post])
            #expect(try await room.call(.lookUp(channel: id, message: post)) == Self.done)
            server.deletePost(post)
            // Current servers refuse the edit of a deleted post as forbidden; the look-up tells.
            #expect(
                try await room.call(.edit(text: "card v3", channel: id, message: post))
                    == .failed(reason: "HTTP 403 api.context.permissions.app_error"))
            #expect(try await room.call(.lookUp(channel: id, message: post)) == .messageGone)
            #expect(try await room.call(.pin(channel: id, message: post)) == .messageGone)
            server.failNext(
                "/api/v4/posts", status: 429, appErrorID: "api.context.rate_limit", headers: ["X-Ratelimit-Reset": "2"])
            #expect(
                try await room.call(.post(text: "card", channel: id))
                    == .retry(after: 2, reason: "rate limited (HTTP 429)"))
            server.failNext("/api/v4/channels", status: 403, appErrorID: "api.context.permissions.app_error")
            #expect(
                try await room.call(create("inc-13")) == .failed(reason: "HTTP 403 api.context.permissions.app_error"))
            #expect(try await room.call(.archive(room: id)) == Self.done)
            #expect(try await room.call(.archive(room: id)) == Self.done, "already archived")
            #expect(server.channels[id]?.archived == true)
            #expect(server.calls.allSatisfy { $0.authorization == "Bearer mm-bot" })
        }
    }

    @Test("Discord: a thread, people in, the card pinned and edited, then lost, then archived")
    func discord() async throws {
        try await FakeDiscordREST.serving { discord, base in
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let api = DiscordRoomAPI(apiBase: base, botToken: "discord-bot")
            let room = RoomDriver(api: api, client: client)
            let origin = ChannelKey(platform: "discord", team: "G1", channel: "1190000000000000300")
            let name = Self.name(limit: api.nameLimit)
            let created = try await room.call(
                .createRoom(name: name, displayName: "INC-12", isPrivate: false, origin: origin))
            guard case .done(let id?, let made) = created else {
                Issue.record("\(created)")
                return
            }
            #expect(made == name)
            #expect(discord.threads[id]?.parentID == "1190000000000000300")
            #expect(discord.threads[id]?.type == 11)
            #expect(
                try await room.call(.invite(users: ["80351110224678912", "80351110224678913"], room: id)) == Self.done)
            #expect(discord.threads[id]?.members == ["80351110224678912", "80351110224678913"])
            let posted = try await room.call(.post(text: "card v1 <@80351110224678912>", channel: id))
            guard case .done(let message?, _) = posted else {
                Issue.record("\(posted)")
                return
            }
            #expect(try await room.call(.pin(channel: id, message: message)) == Self.done)
            #expect(try await room.call(.edit(text: "card v2", channel: id, message: message)) == Self.done)
            #expect(discord.messages(in: id) == [.init(id: message, content: "card v2", pinned: true)])
            discord.deleteMessage(channel: id, id: message)
            #expect(try await room.call(.edit(text: "card v3", channel: id, message: message)) == .messageGone)
            #expect(try await room.call(.pin(channel: id, message: message)) == .messageGone)
            discord.rateLimitNext("/channels/\(id)/messages", retryAfter: 64.57)
            #expect(
                try await room.call(.post(text: "card", channel: id))
                    == .retry(after: 64.57, reason: "rate limited (HTTP 429)"))
            discord.failNext("/channels/\(id)", status: 403, code: 50013, message: "Missing Permissions")
            #expect(try await room.call(.archive(room: id)) == .failed(reason: "HTTP 403 50013 Missing Permissions"))
            #expect(try await room.call(.archive(room: id)) == Self.done)
            #expect(discord.threads[id]?.archived == true)
            #expect(discord.calls.allSatisfy { $0.authorization == "Bot discord-bot" })
            #expect(
                discord.calls.first { $0.method == "POST" && $0.path.hasSuffix("/messages") }?.allowedParse == ["users"]
            )
        }
    }

    @Test("the new Discord fake still answers Deputy's command registration as the old one did")
    func discordRegistration() async throws {
        try await FakeDiscordREST.serving { discord, base in
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let registration = DiscordRegistration(apiURL: base, applicationID: "1190000000000000001", botToken: "t")
            #expect(
                try await registration.register(transport: client) == .registered(commandID: FakeDiscordREST.commandID))
            let refused = try await DiscordRegistration(apiURL: base, applicationID: "1", botToken: "")
                .register(transport: client)
            #expect(refused == .refused(status: 401, message: "401: Unauthorized"))
            #expect(discord.count(of: "POST", "/applications/1190000000000000001/commands") == 1)
        }
    }
}
