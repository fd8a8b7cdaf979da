import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Slack routes")
struct SlackRoutesTests {
    func app(_ desk: FakeDesk, health: Bool = true) throws -> some ApplicationProtocol {
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let labels = SlackButtonLabels(
            understood: "Understood", done: "Done", needMoreTime: "Need more time", object: "Object", declare: "Declare"
        )
        let encoder = SlackEncoder(phrasebook: phrasebook, labels: labels, botToken: "xoxb-test")
        let router = Router()
        SlackRoutes(signature: SlackSignature(signingSecret: SlackRequests.secret), encoder: encoder, desk: desk)
            .register(on: router)
        OperationsRoutes(health: FixedHealth(healthy: health)) { "deputy_commands_total 3\n" }.register(on: router)
        return Application(router: router)
    }

    @Test("a signed command reaches the desk with its mentions made canonical, and its first reply is the answer")
    func signedCommand() async throws {
        let reply = Reply.channel(.commandClaimed, ["user": .user(User(id: "U2147483697", name: "Steve"))])
        let desk = FakeDesk(answer: .answered(reply))
        let body = SlackRequests.commandBody(text: "assign <@U99|hayley> check the graphs")
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/commands", body) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("\"response_type\":\"in_channel\""))
                #expect(text.contains("My name is <@U2147483697>"))
            }
        }
        let received = await desk.received
        #expect(received.count == 1)
        #expect(received.first?.text == "assign <@U99|hayley> check the graphs")
        #expect(received.first?.channel == ChannelKey(platform: "slack", team: "T0001", channel: "C2147483705"))
        #expect(received.first?.dedupeKey?.contains("13345224609.738474920.8088930838d88f008e0") == true)
    }

    @Test(
        "forged, unsigned and stale requests are refused with 401 before anything is read",
        arguments: ["missing", "wrong secret", "stale", "changed body"])
    func rejected(kind: String) async throws {
        let desk = FakeDesk()
        let body = SlackRequests.commandBody(text: "declare db down")
        let (headers, sent): (HTTPFields, String) =
            switch kind {
            case "missing": ([.contentType: "application/x-www-form-urlencoded"], body)
            case "wrong secret": (SlackRequests.headers(for: body, secret: "not-the-secret"), body)
            case "stale": (SlackRequests.headers(for: body, timestamp: Date().addingTimeInterval(-301)), body)
            default: (SlackRequests.headers(for: body), body + "------")
            }
        try await app(desk).test(.router) { client in
            try await client.execute(
                uri: "/slack/commands", method: .post, headers: headers, body: SlackRequests.buffer(sent)
            ) {
                #expect($0.status == .unauthorized)
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a body over 64 KiB is refused with 413")
    func tooLarge() async throws {
        let desk = FakeDesk()
        let body = SlackRequests.commandBody(text: String(repeating: "x", count: 70_000))
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/commands", body) { #expect($0.status == .contentTooLarge) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test(
        "a signed but malformed form is a 400 with a reason", arguments: ["text=%ZZ&team_id=T1", "team_id=T1&text=hi"])
    func malformed(body: String) async throws {
        let desk = FakeDesk()
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/commands", body) { response in
                #expect(response.status == .badRequest)
                #expect(!String(buffer: response.body).isEmpty)
            }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("ssl_check gets a plain 200")
    func sslCheck() async throws {
        let desk = FakeDesk()
        let body = "token=abc&ssl_check=1"
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/commands", body) { #expect($0.status == .ok) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("a command that could not be recorded still gets a 200, with a private apology")
    func unavailable() async throws {
        let desk = FakeDesk(answer: .unavailable)
        let body = SlackRequests.commandBody(text: "note hello")
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/commands", body) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("\"response_type\":\"ephemeral\""))
                #expect(text.contains("can't record this right now"))
            }
        }
    }

    @Test("a button press becomes the typed command, from the same user")
    func interaction() async throws {
        let desk = FakeDesk()
        let payload =
            #"{"type":"block_actions","trigger_id":"77.88","response_url":"https://hooks.slack.com/actions/1","team":{"id":"T0001"},"channel":{"id":"C1"},"user":{"id":"U5","username":"hayley"},"actions":[{"action_id":"deputy.ack","value":"T1"}]}"#
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = "payload=" + (payload.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/interactions", body) { #expect($0.status == .ok) }
        }
        let received = await desk.received
        #expect(received.map(\.text) == ["ack T1"])
        #expect(received.first?.user.id == "U5")
    }

    @Test("url_verification answers the challenge; other events are acknowledged and ignored")
    func events() async throws {
        let desk = FakeDesk()
        let verification =
            #"{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#
        let other = #"{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"app_mention"}}"#
        try await app(desk).test(.router) { client in
            try await client.postSigned("/slack/events", verification) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
            }
            try await client.postSigned("/slack/events", other) { #expect($0.status == .ok) }
        }
        #expect(await desk.received.isEmpty)
    }

    @Test("health says 503 when the daemon cannot do its job; metrics are Prometheus text")
    func operations() async throws {
        try await app(FakeDesk(), health: false).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("deputy_commands_total"))
            }
        }
        try await app(FakeDesk(), health: true).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }
}

extension TestClientProtocol {
    /// POSTs `body` to `uri` signed as Slack would sign it, and hands the response to `check`.
    func postSigned(_ uri: String, _ body: String, _ check: @escaping (TestResponse) throws -> Void) async throws {
        try await execute(
            uri: uri, method: .post, headers: SlackRequests.headers(for: body), body: SlackRequests.buffer(body),
            testCallback: check)
    }
}
