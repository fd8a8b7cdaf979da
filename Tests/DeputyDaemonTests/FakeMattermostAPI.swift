import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A fake Mattermost server on 127.0.0.1: `POST /api/v4/posts`, `/api/v4/posts/ephemeral` and
/// the commands' `response_url`s (`/hooks/commands/{id}`) and an incoming webhook
/// (`/hooks/incoming`). It records every call and answers 201.
final class FakeMattermostAPI: Sendable {
    /// One call as the fake received it.
    struct Call: Sendable {
        /// The path posted to.
        var path: String
        /// The `Authorization` header, if one came.
        var authorization: String?
        /// The JSON body, as strings (a nested `post` is flattened into it).
        var fields: [String: String]
    }

    private let recorded = Mutex<[Call]>([])

    /// Every call so far, in order.
    var calls: [Call] { recorded.withLock { $0 } }

    /// Runs `body` with a fake listening on a free port of 127.0.0.1, given its base address
    /// (`http://127.0.0.1:<port>`, the value of `MATTERMOST_URL`); stops it when `body` returns.
    static func serving(_ body: @escaping @Sendable (FakeMattermostAPI, String) async throws -> Void) async throws {
        let api = FakeMattermostAPI()
        let router = Router()
        router.post("/api/v4/posts") { request, _ in try await api.record(request, path: "/api/v4/posts") }
        router.post("/api/v4/posts/ephemeral") { request, _ in
            try await api.record(request, path: "/api/v4/posts/ephemeral")
        }
        router.post("/hooks/commands/{id}") { request, _ in try await api.record(request, path: "/hooks/commands") }
        router.post("/hooks/incoming") { request, _ in try await api.record(request, path: "/hooks/incoming") }
        try await LoopbackServer.serving(router, label: "fake-mattermost") { port in
            try await body(api, "http://127.0.0.1:\(port)")
        }
    }

    /// Records one call and answers it as Mattermost does a created post.
    private func record(_ request: Request, path: String) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
        var fields: [String: String] = [:]
        for (key, value) in json {
            if let text = value as? String { fields[key] = text }
            if let post = value as? [String: Any] {
                for (inner, text) in post { fields[inner] = text as? String }
            }
        }
        let call = Call(path: path, authorization: request.headers[.authorization], fields: fields)
        recorded.withLock { $0.append(call) }
        return Response(
            status: .created, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"p1"}"#)))
    }
}
