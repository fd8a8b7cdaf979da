import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A fake Slack workspace on 127.0.0.1 that keeps what it is told: channels made, people
/// invited, messages posted, edited and pinned, rooms archived. Its Web API methods answer as
/// Slack's do — `{"ok":false,"error":…}` with HTTP 200 for a refusal — so the room flow can be
/// driven over real HTTP, and its hooks stage what a live workspace does to a bot: a deleted
/// card, a name someone else took, a refusal, a rate limit.
final class FakeSlackWorkspace: Sendable {
    /// One call as the workspace received it.
    struct Call: Sendable {
        /// The Web API method: `chat.postMessage`, say.
        var method: String
        /// The `Authorization` header, if one came.
        var authorization: String?
        /// The body's `channel`, if any.
        var channel: String?
        /// The body's `text`, if any.
        var text: String?
        /// The body's fields, booleans and numbers written as text.
        var fields: [String: String]
    }

    /// A channel as the workspace keeps it.
    struct Channel: Sendable, Equatable {
        var id: String
        var name: String
        var isPrivate: Bool
        /// The people invited, in the order they came.
        var members: [String]
        var archived: Bool
    }

    /// A message as it reads now.
    struct Message: Sendable, Equatable {
        var ts: String
        var text: String
    }

    /// Everything the workspace holds, changed only under its lock.
    struct State: Sendable {
        var calls: [Call] = []
        var channels: [String: Channel] = [:]
        /// Every message posted, per channel, deleted ones kept and marked.
        var messages: [String: [(message: Message, deleted: Bool)]] = [:]
        var pins: [String: [String]] = [:]
        var channelCount = 0
        var messageCount = 0
        /// Refusals staged by `failNext`, per method, first used first.
        var failures: [String: [String]] = [:]
        /// Rate limits staged by `rateLimitNext`, per method: the Retry-After to send.
        var rateLimits: [String: [Int]] = [:]
    }

    private let state = Mutex(State())

    /// Every call so far, in order.
    var calls: [Call] { state.withLock { $0.calls } }

    /// Every channel, by id: those the bot made and those `takeName` made.
    var channels: [String: Channel] { state.withLock { $0.channels } }

    /// How many calls of `method` came.
    func count(of method: String) -> Int {
        state.withLock { $0.calls.filter { $0.method == method }.count }
    }

    /// The messages in `channel` as they read now, oldest first, deleted ones left out.
    func messages(in channel: String) -> [Message] {
        state.withLock { ($0.messages[channel] ?? []).filter { !$0.deleted }.map(\.message) }
    }

    /// The timestamps of the messages pinned in `channel`, in the order they were pinned.
    func pinned(in channel: String) -> [String] {
        state.withLock { $0.pins[channel] ?? [] }
    }

    /// Deletes a message, as a person in the channel might.
    func deleteMessage(channel: String, ts: String) {
        state.withLock { state in
            guard let index = state.messages[channel]?.firstIndex(where: { $0.message.ts == ts }) else { return }
            state.messages[channel]?[index].deleted = true
            state.pins[channel]?.removeAll { $0 == ts }
        }
    }

    /// Makes a channel called `name`, as if someone had taken the name first; its id.
    @discardableResult
    func takeName(_ name: String) -> String {
        state.withLock { $0.makeChannel(name: name, isPrivate: false) }
    }

    /// Answers the next call of `method` with `{"ok":false,"error":error}`.
    func failNext(_ method: String, with error: String) {
        state.withLock { $0.failures[method, default: []].append(error) }
    }

    /// Answers the next call of `method` with a 429 asking to wait `retryAfter` seconds.
    func rateLimitNext(_ method: String, retryAfter: Int) {
        state.withLock { $0.rateLimits[method, default: []].append(retryAfter) }
    }

    /// Runs `body` with a workspace listening on a free port of 127.0.0.1, given its API address
    /// (`http://127.0.0.1:<port>/api`); stops the server when `body` returns.
    static func serving(_ body: @escaping @Sendable (FakeSlackWorkspace, String) async throws -> Void) async throws {
        let workspace = FakeSlackWorkspace()
        let router = Router()
        router.post("/api/{method}") { request, context in
            try await workspace.answer(request, method: context.parameters.get("method") ?? "")
        }
        try await LoopbackServer.serving(router, label: "fake-slack-workspace") { port in
            try await body(workspace, "http://127.0.0.1:\(port)/api")
        }
    }

    /// Records one call and answers it from the workspace's state.
    private func answer(_ request: Request, method: String) async throws -> Response {
        let fields = Self.fields(try await FakeReply.body(of: request))
        let authorization = request.headers[.authorization]
        let call = Call(
            method: method, authorization: authorization, channel: fields["channel"], text: fields["text"],
            fields: fields)
        let reply = state.withLock { state in
            state.calls.append(call)
            guard authorization?.hasPrefix("Bearer ") == true else { return State.refusal("not_authed") }
            return state.answer(method, fields)
        }
        return reply.response
    }

    /// A JSON or form body's fields as text: what Slack reads either way.
    static func fields(_ body: Data) -> [String: String] {
        if let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            return object.compactMapValues { value in
                if let text = value as? String { return text }
                if let flag = value as? Bool { return flag ? "true" : "false" }
                return "\(value)"
            }
        }
        var form = URLComponents()
        form.percentEncodedQuery = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
        return Dictionary((form.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
    }
}
