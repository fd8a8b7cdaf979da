import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A fake Discord API on 127.0.0.1, under `/api/v10`: channel messages, interaction follow-up
/// webhooks and application command registration. It records every call and answers as
/// Discord does a created message or command.
final class FakeDiscordAPI: Sendable {
    /// One call as the fake received it.
    struct Call: Sendable {
        /// The path posted to, below `/api/v10`, with ids as they came.
        var path: String
        /// The `Authorization` header, if one came.
        var authorization: String?
        /// The JSON body.
        var json: JSONBody
    }

    /// A JSON object received, kept as its serialized bytes so it can cross tasks.
    struct JSONBody: Sendable {
        let data: Data
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:] }
        var content: String? { object["content"] as? String }
        var flags: Int? { object["flags"] as? Int }
        var allowedUsers: [String]? { (object["allowed_mentions"] as? [String: Any])?["users"] as? [String] }
        var allowedParse: [String]? { (object["allowed_mentions"] as? [String: Any])?["parse"] as? [String] }
    }

    private let recorded = Mutex<[Call]>([])

    /// Every call so far, in order.
    var calls: [Call] { recorded.withLock { $0 } }

    /// Runs `body` with a fake listening on a free port of 127.0.0.1, given its API address
    /// (`http://127.0.0.1:<port>/api/v10`, the value of `DISCORD_API_URL`); stops it after.
    static func serving(_ body: @escaping @Sendable (FakeDiscordAPI, String) async throws -> Void) async throws {
        let api = FakeDiscordAPI()
        let router = Router()
        router.post("/api/v10/channels/{channel}/messages") { request, context in
            try await api.record(request, path: "/channels/\(context.parameters.get("channel") ?? "")/messages")
        }
        router.post("/api/v10/webhooks/{application}/{token}") { request, context in
            try await api.record(request, path: "/webhooks/\(context.parameters.get("application") ?? "")")
        }
        router.post("/api/v10/applications/{application}/commands") { request, context in
            try await api.record(request, path: "/applications/\(context.parameters.get("application") ?? "")/commands")
        }
        router.post("/api/v10/applications/{application}/guilds/{guild}/commands") { request, context in
            let application = context.parameters.get("application") ?? ""
            return try await api.record(
                request, path: "/applications/\(application)/guilds/\(context.parameters.get("guild") ?? "")/commands")
        }
        try await LoopbackServer.serving(router, label: "fake-discord") { port in
            try await body(api, "http://127.0.0.1:\(port)/api/v10")
        }
    }

    /// Records one call and answers it with an object that has an id; a registration without
    /// the bot's token is refused as Discord refuses it.
    private func record(_ request: Request, path: String) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let call = Call(
            path: path, authorization: request.headers[.authorization],
            json: JSONBody(data: Data(body.readableBytesView)))
        recorded.withLock { $0.append(call) }
        if path.hasPrefix("/applications"), call.authorization?.hasPrefix("Bot ") != true {
            return Response(
                status: .unauthorized, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"message":"401: Unauthorized","code":0}"#)))
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"1190000000000000999"}"#)))
    }
}
