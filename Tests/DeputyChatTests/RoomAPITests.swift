import DeputyChat
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// What every room API promises whatever the platform: "later" for 408, 429 and 5xx, no trap
/// on any answer, outcomes only where they can happen, and no token in a reason.
@Suite("Room APIs: what all three platforms share")
struct RoomAPITests {
    static let apis: [any RoomAPI] = [
        SlackRoomAPI(token: "xoxb-secret-token"),
        MattermostRoomAPI(url: "https://mm.example", botToken: "secret-token"),
        DiscordRoomAPI(botToken: "secret-token"),
    ]

    @Test("408, 429 and 5xx are tried again, after Retry-After when given", arguments: [408, 429, 500, 502, 503, 504])
    func transientStatuses(status: Int) {
        for api in Self.apis {
            for call in RoomCalls.all {
                let plain = api.result(of: call, status: status, headers: [:], body: Data("<html>".utf8))
                guard case .retry = plain else {
                    Issue.record("\(type(of: api)) \(call) \(status): \(plain)")
                    continue
                }
                let timed = api.result(of: call, status: status, headers: ["retry-after": "7"], body: Data())
                guard case .retry(let after, _) = timed else {
                    Issue.record("\(type(of: api)) \(call) \(status) with Retry-After: \(timed)")
                    continue
                }
                #expect(after == 7, "\(type(of: api)) \(call)")
            }
        }
    }

    @Test("another 4xx cannot be helped by trying again")
    func otherClientErrors() {
        for api in Self.apis {
            for call in RoomCalls.all {
                for status in [400, 401, 403, 422] {
                    guard case .failed(let reason) = api.result(of: call, status: status, headers: [:], body: Data())
                    else {
                        Issue.record("\(type(of: api)) \(call) \(status)")
                        continue
                    }
                    #expect(reason == "HTTP \(status)")
                }
            }
        }
    }

    @Test("any answer at all is read without a trap, and each outcome only where it can happen")
    func anyAnswer() {
        var random = SplitMix64(seed: 0x600D_CA11)
        let shapes = [
            #"{"ok":true}"#, #"{"ok":false,"error":"name_taken"}"#, #"{"id":7,"name":["x"]}"#, #"{"code":1e300}"#,
            #"{"retry_after":-1,"code":10008}"#, #"{"channel":"C1"}"#, #"[1,2]"#, "null", #"{"errors":[1,{"user":3}]}"#,
            #"{"id":"store.sql_channel.save_channel.exists.app_error"}"#, #"{"retry_after":1e400}"#,
        ]
        for _ in 0..<3_000 {
            let status = Int.random(in: 100...599, using: &random)
            let body: Data
            if Bool.random(using: &random), let shape = shapes.randomElement(using: &random) {
                body = Data(shape.utf8)
            } else {
                body = Data(
                    (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            }
            let headers =
                Bool.random(using: &random) ? ["retry-after": "\(Int.random(in: -5...99, using: &random))"] : [:]
            for api in Self.apis {
                for call in RoomCalls.all {
                    let result = api.result(of: call, status: status, headers: headers, body: body)
                    #expect(Self.fits(result, call: call, status: status), "\(call) \(status) → \(result)")
                }
            }
        }
    }

    @Test("a token a platform echoes never reaches a reason, whole or cut short")
    func tokenEchoed() {
        let slack = SlackRoomAPI(token: "xoxb-secret-token")
        let echoed = slack.result(
            of: .archive(room: "C1"), status: 200, headers: [:],
            body: Data(#"{"ok":false,"error":"xoxb-secret-token"}"#.utf8))
        #expect(echoed == .failed(reason: "[token]"))
        let padding = String(repeating: "a", count: 110)
        let cut = slack.result(
            of: .archive(room: "C1"), status: 200, headers: [:],
            body: Data(#"{"ok":false,"error":"\#(padding) xoxb-secret-token"}"#.utf8))
        guard case .failed(let reason) = cut else {
            Issue.record("\(cut)")
            return
        }
        #expect(!reason.contains("xoxb-se"), "\(reason)")
        #expect(reason.hasSuffix("[token]"))
    }

    /// Whether `result` is one `call` can have at `status`.
    static func fits(_ result: RoomCallResult, call: RoomCall, status: Int) -> Bool {
        switch result {
        case .done:
            return (200..<300).contains(status) || (400..<500).contains(status)
        case .nameTaken:
            if case .createRoom = call { return true }
            return false
        case .messageGone:
            switch call {
            case .edit, .pin: return true
            default: return false
            }
        case .retry(let after, let reason):
            return !reason.isEmpty && (after ?? 0) >= 0 && (after ?? 0).isFinite
        case .failed(let reason):
            return !reason.isEmpty && reason.count <= 120 && !reason.contains("secret-token")
        }
    }
}

/// One of each room call, for the tests that go through them all.
enum RoomCalls {
    static let origin = ChannelKey(platform: "test", team: "team-1", channel: "origin-1")
    static let all: [RoomCall] = [
        .createRoom(name: "inc-12-db-down", displayName: "INC-12 DB down", isPrivate: false, origin: origin),
        .invite(users: ["U1", "U2"], room: "R1"), .post(text: "card", channel: "R1"),
        .edit(text: "card v2", channel: "R1", message: "M1"), .pin(channel: "R1", message: "M1"), .archive(room: "R1"),
    ]
}

/// One call and the request it should become, for the parameterized request tests.
struct ExpectedRequest: Sendable, CustomTestStringConvertible {
    var call: RoomCall
    var method: String = "POST"
    /// The path below the API's base (for Slack, the Web API method).
    var path: String
    var body: WireJSON

    var testDescription: String { "\(method) \(path)" }
}
