import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A fake Discord REST API on 127.0.0.1, under `/api/v10`, that keeps what it is told: threads
/// started, people added, messages posted, edited and pinned, threads archived. It answers as
/// Discord does — JSON error bodies with a `code`, 204 for a pin or a new thread member — and
/// also serves the interaction follow-up webhooks and command registration as
/// `FakeDiscordAPI` does, so Deputy's other Discord traffic works against it too.
final class FakeDiscordREST: Sendable {
    /// The id the fake gives every registered command, as `FakeDiscordAPI` does.
    static let commandID = "1190000000000000999"

    /// One call as the fake received it.
    struct Call: Sendable {
        /// The HTTP method.
        var method: String
        /// The path below `/api/v10`, ids as they came (a webhook's token left out).
        var path: String
        /// The `Authorization` header, if one came.
        var authorization: String?
        /// The raw body.
        var body: Data

        /// The body as a JSON object, empty when it is not one.
        var object: [String: Any] { FakeReply.object(body) }
        /// The body's `content`.
        var content: String? { object["content"] as? String }
        /// The body's `allowed_mentions.parse`.
        var allowedParse: [String]? { (object["allowed_mentions"] as? [String: Any])?["parse"] as? [String] }
    }

    /// A thread as the fake keeps it.
    struct Thread: Sendable, Equatable {
        var id: String
        var parentID: String
        var name: String
        /// 11 public, 12 private.
        var type: Int
        /// The people added, in the order they came.
        var members: [String]
        var archived: Bool
    }

    /// A message as it reads now.
    struct Message: Sendable, Equatable {
        var id: String
        var content: String
        var pinned: Bool
    }

    /// An answer staged by a hook, for the next call whose path starts with `pathPrefix`.
    struct Staged: Sendable {
        var pathPrefix: String
        var reply: FakeReply
    }

    /// Everything the fake holds, changed only under its lock.
    struct State: Sendable {
        var calls: [Call] = []
        var threads: [String: Thread] = [:]
        /// Every message, per channel, deleted ones kept and marked.
        var messages: [String: [(message: Message, deleted: Bool)]] = [:]
        /// The last snowflake handed out.
        var lastID = 1_190_000_000_000_001_000
        var staged: [Staged] = []
    }

    private let state = Mutex(State())

    /// Every call so far, in order.
    var calls: [Call] { state.withLock { $0.calls } }

    /// Every thread, by id.
    var threads: [String: Thread] { state.withLock { $0.threads } }

    /// How many calls of `method` to `path` came.
    func count(of method: String, _ path: String) -> Int {
        state.withLock { $0.calls.filter { $0.method == method && $0.path == path }.count }
    }

    /// The messages in `channel` as they read now, oldest first, deleted ones left out.
    func messages(in channel: String) -> [Message] {
        state.withLock { ($0.messages[channel] ?? []).filter { !$0.deleted }.map(\.message) }
    }

    /// The ids of the messages pinned in `channel`.
    func pinned(in channel: String) -> [String] {
        messages(in: channel).filter(\.pinned).map(\.id)
    }

    /// Deletes a message, as a person in the channel might.
    func deleteMessage(channel: String, id: String) {
        state.withLock { state in
            guard let index = state.messages[channel]?.firstIndex(where: { $0.message.id == id }) else { return }
            state.messages[channel]?[index].deleted = true
            state.messages[channel]?[index].message.pinned = false
        }
    }

    /// Answers the next call whose path (below `/api/v10`) starts with `pathPrefix` with
    /// `status` and Discord's error body.
    func failNext(_ pathPrefix: String, status: Int, code: Int, message: String) {
        let reply = FakeReply.json(status, ["code": code, "message": message])
        state.withLock { $0.staged.append(Staged(pathPrefix: pathPrefix, reply: reply)) }
    }

    /// Answers the next call whose path starts with `pathPrefix` with a 429 asking to wait
    /// `retryAfter` seconds, in the body to the hundredth and in `Retry-After` rounded up.
    func rateLimitNext(_ pathPrefix: String, retryAfter: Double) {
        let body: [String: Any] = [
            "message": "You are being rate limited.", "retry_after": retryAfter, "global": false,
        ]
        let reply = FakeReply.json(429, body, headers: ["Retry-After": "\(Int(retryAfter.rounded(.up)))"])
        state.withLock { $0.staged.append(Staged(pathPrefix: pathPrefix, reply: reply)) }
    }

    /// Runs `body` with a fake listening on a free port of 127.0.0.1, given its API address
    /// (`http://127.0.0.1:<port>/api/v10`, the value of `DISCORD_API_URL`); stops it after.
    static func serving(_ body: @escaping @Sendable (FakeDiscordREST, String) async throws -> Void) async throws {
        let api = FakeDiscordREST()
        let router = Router()
        router.post("/api/v10/channels/{channel}/threads") { request, context in
            let channel = context.parameters.get("channel") ?? ""
            return try await api.answer(request, "/channels/\(channel)/threads", .startThread(channel))
        }
        router.put("/api/v10/channels/{channel}/thread-members/{user}") { request, context in
            let (channel, user) = (context.parameters.get("channel") ?? "", context.parameters.get("user") ?? "")
            return try await api.answer(
                request, "/channels/\(channel)/thread-members/\(user)", .addMember(channel, user))
        }
        router.post("/api/v10/channels/{channel}/messages") { request, context in
            let channel = context.parameters.get("channel") ?? ""
            return try await api.answer(request, "/channels/\(channel)/messages", .post(channel))
        }
        router.patch("/api/v10/channels/{channel}/messages/{message}") { request, context in
            let (channel, message) = (context.parameters.get("channel") ?? "", context.parameters.get("message") ?? "")
            return try await api.answer(request, "/channels/\(channel)/messages/\(message)", .edit(channel, message))
        }
        router.put("/api/v10/channels/{channel}/messages/pins/{message}") { request, context in
            let (channel, message) = (context.parameters.get("channel") ?? "", context.parameters.get("message") ?? "")
            return try await api.answer(
                request, "/channels/\(channel)/messages/pins/\(message)", .pin(channel, message))
        }
        router.patch("/api/v10/channels/{channel}") { request, context in
            let channel = context.parameters.get("channel") ?? ""
            return try await api.answer(request, "/channels/\(channel)", .modify(channel))
        }
        api.serveInteractions(router)
        try await LoopbackServer.serving(router, label: "fake-discord-rest") { port in
            try await body(api, "http://127.0.0.1:\(port)/api/v10")
        }
    }

    /// The routes `FakeDiscordAPI` serves, answered the same way: follow-up webhooks and
    /// command registration.
    private func serveInteractions(_ router: Router<BasicRequestContext>) {
        router.post("/api/v10/webhooks/{application}/{token}") { request, context in
            try await self.answer(request, "/webhooks/\(context.parameters.get("application") ?? "")", .followUp)
        }
        router.post("/api/v10/applications/{application}/commands") { request, context in
            let application = context.parameters.get("application") ?? ""
            return try await self.answer(request, "/applications/\(application)/commands", .register)
        }
        router.post("/api/v10/applications/{application}/guilds/{guild}/commands") { request, context in
            let (application, guild) = (
                context.parameters.get("application") ?? "", context.parameters.get("guild") ?? ""
            )
            return try await self.answer(request, "/applications/\(application)/guilds/\(guild)/commands", .register)
        }
    }

    /// Records one call and answers it from the fake's state.
    private func answer(_ request: Request, _ path: String, _ route: Route) async throws -> Response {
        let body = try await FakeReply.body(of: request)
        let authorization = request.headers[.authorization]
        let call = Call(method: request.method.rawValue, path: path, authorization: authorization, body: body)
        let reply = state.withLock { state in
            state.calls.append(call)
            if route.needsToken, authorization?.hasPrefix("Bot ") != true {
                return FakeReply.json(401, ["message": "401: Unauthorized", "code": 0])
            }
            if let index = state.staged.firstIndex(where: { path.hasPrefix($0.pathPrefix) }) {
                return state.staged.remove(at: index).reply
            }
            return state.answer(route, FakeReply.object(body))
        }
        return reply.response
    }
}
