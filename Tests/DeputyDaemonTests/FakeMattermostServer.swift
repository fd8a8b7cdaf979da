import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A fake Mattermost server on 127.0.0.1 that keeps what it is told: channels made in teams,
/// members added, posts made, patched and pinned, channels archived. It answers as REST v4
/// does — 201 for what it made, AppError bodies for refusals — and also takes the commands'
/// `response_url`s and an incoming webhook, as `FakeMattermostAPI` does, so Deputy's other
/// Mattermost traffic works against it too.
final class FakeMattermostServer: Sendable {
    /// One call as the server received it.
    struct Call: Sendable {
        /// The HTTP method.
        var method: String
        /// The path, ids as they came (a command's `response_url` as `/hooks/commands`).
        var path: String
        /// The `Authorization` header, if one came.
        var authorization: String?
        /// The JSON body's text fields (a nested `post` flattened into them).
        var fields: [String: String]
        /// The JSON body's `user_ids`, for an add-members call.
        var userIDs: [String]
    }

    /// A channel as the server keeps it.
    struct Channel: Sendable, Equatable {
        var id: String
        var teamID: String
        var name: String
        var displayName: String
        /// "O" public, "P" private.
        var type: String
        /// The people added, in the order they came.
        var members: [String]
        var archived: Bool
    }

    /// A post as it reads now.
    struct Post: Sendable, Equatable {
        var id: String
        var channelID: String
        var message: String
        var isPinned: Bool
        var deleted: Bool
    }

    /// A refusal staged by `failNext`.
    struct Failure: Sendable {
        var pathPrefix: String
        var status: Int
        var appErrorID: String
        var headers: [String: String]
    }

    /// Everything the server holds, changed only under its lock.
    struct State: Sendable {
        var calls: [Call] = []
        var channels: [String: Channel] = [:]
        /// Every post, deleted ones kept and marked, in the order made.
        var posts: [Post] = []
        var channelCount = 0
        var postCount = 0
        var failures: [Failure] = []
    }

    private let state = Mutex(State())

    /// Every call so far, in order.
    var calls: [Call] { state.withLock { $0.calls } }

    /// Every channel, by id.
    var channels: [String: Channel] { state.withLock { $0.channels } }

    /// How many calls of `method` to `path` came.
    func count(of method: String, _ path: String) -> Int {
        state.withLock { $0.calls.filter { $0.method == method && $0.path == path }.count }
    }

    /// The posts in `channel` as they read now, oldest first, deleted ones left out.
    func posts(in channel: String) -> [Post] {
        state.withLock { $0.posts.filter { $0.channelID == channel && !$0.deleted } }
    }

    /// The ids of the posts pinned in `channel`.
    func pinned(in channel: String) -> [String] {
        posts(in: channel).filter(\.isPinned).map(\.id)
    }

    /// Deletes a post, as a person in the channel might.
    func deletePost(_ id: String) {
        state.withLock { state in
            guard let index = state.posts.firstIndex(where: { $0.id == id }) else { return }
            state.posts[index].deleted = true
            state.posts[index].isPinned = false
        }
    }

    /// Makes a channel called `name` in `team`, as if someone had taken the name first; its id.
    @discardableResult
    func takeName(_ name: String, team: String) -> String {
        state.withLock { $0.makeChannel(team: team, name: name, displayName: name, type: "O") }
    }

    /// Answers the next call whose path starts with `pathPrefix` with `status` and an AppError
    /// of id `appErrorID` (and `headers`, for a 429's `X-Ratelimit-Reset`, say).
    func failNext(_ pathPrefix: String, status: Int, appErrorID: String, headers: [String: String] = [:]) {
        let failure = Failure(pathPrefix: pathPrefix, status: status, appErrorID: appErrorID, headers: headers)
        state.withLock { $0.failures.append(failure) }
    }

    /// Runs `body` with a server listening on a free port of 127.0.0.1, given its base address
    /// (`http://127.0.0.1:<port>`, the value of `MATTERMOST_URL`); stops it when `body` returns.
    static func serving(_ body: @escaping @Sendable (FakeMattermostServer, String) async throws -> Void) async throws {
        let server = FakeMattermostServer()
        let router = Router()
        router.post("/api/v4/posts") { request, _ in try await server.answer(request, "/api/v4/posts", .createPost) }
        router.post("/api/v4/posts/ephemeral") { request, _ in
            try await server.answer(request, "/api/v4/posts/ephemeral", .ephemeral)
        }
        router.put("/api/v4/posts/{id}/patch") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await server.answer(request, "/api/v4/posts/\(id)/patch", .patch(id))
        }
        router.get("/api/v4/posts/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await server.answer(request, "/api/v4/posts/\(id)", .getPost(id))
        }
        router.post("/api/v4/posts/{id}/pin") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await server.answer(request, "/api/v4/posts/\(id)/pin", .pin(id))
        }
        router.post("/api/v4/channels") { request, _ in
            try await server.answer(request, "/api/v4/channels", .createChannel)
        }
        router.post("/api/v4/channels/{id}/members") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await server.answer(request, "/api/v4/channels/\(id)/members", .addMembers(id))
        }
        router.delete("/api/v4/channels/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await server.answer(request, "/api/v4/channels/\(id)", .archive(id))
        }
        router.post("/hooks/commands/{id}") { request, _ in try await server.answer(request, "/hooks/commands", .hook) }
        router.post("/hooks/incoming") { request, _ in try await server.answer(request, "/hooks/incoming", .hook) }
        try await LoopbackServer.serving(router, label: "fake-mattermost-server") { port in
            try await body(server, "http://127.0.0.1:\(port)")
        }
    }

    /// Records one call and answers it from the server's state.
    private func answer(_ request: Request, _ path: String, _ route: Route) async throws -> Response {
        let json = FakeReply.object(try await FakeReply.body(of: request))
        var fields: [String: String] = [:]
        for (key, value) in json {
            if let text = value as? String { fields[key] = text }
            if let post = value as? [String: Any] {
                for (inner, text) in post { fields[inner] = text as? String }
            }
        }
        var userIDs = json["user_ids"] as? [String] ?? []
        if let single = json["user_id"] as? String, route.isAddMembers { userIDs.append(single) }
        let authorization = request.headers[.authorization]
        let call = Call(
            method: request.method.rawValue, path: path, authorization: authorization, fields: fields, userIDs: userIDs)
        let reply = state.withLock { state in
            state.calls.append(call)
            if route.needsToken, authorization?.hasPrefix("Bearer ") != true {
                return State.appError(401, "api.context.session_expired.app_error")
            }
            if let index = state.failures.firstIndex(where: { path.hasPrefix($0.pathPrefix) }) {
                let failure = state.failures.remove(at: index)
                return State.appError(failure.status, failure.appErrorID, headers: failure.headers)
            }
            return state.answer(route, fields, userIDs: userIDs)
        }
        return reply.response
    }
}
