import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A fake Slack Web API on 127.0.0.1, for tests that go over real HTTP: it records every call
/// and answers from a script, then with `{"ok":true}`.
final class FakeSlackAPI: Sendable {
    /// One call as the fake received it.
    struct Call: Sendable {
        /// The Web API method: `chat.postMessage`, say.
        var method: String
        /// The `Authorization` header, if one came.
        var authorization: String?
        /// The JSON body's `channel` and `text`.
        var channel: String?
        var text: String?
        /// The JSON body's `mentions` (the generic webhook's), if any.
        var mentions: [String]?
    }

    /// One scripted answer.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String

        /// Slack's answer to a call that worked.
        static let ok = Answer(status: 200, body: #"{"ok":true}"#)
    }

    private struct State {
        var calls: [Call] = []
        var script: [Answer] = []
    }

    private let state = Mutex(State())

    /// Queues answers for the next calls, in order.
    func script(_ answers: Answer...) {
        state.withLock { $0.script += answers }
    }

    /// Every call so far, in order.
    var calls: [Call] { state.withLock { $0.calls } }

    /// Runs `body` with a fake listening on a free port of 127.0.0.1, given its base address
    /// (`http://127.0.0.1:<port>/api`); stops the server when `body` returns.
    static func serving(_ body: @escaping @Sendable (FakeSlackAPI, String) async throws -> Void) async throws {
        let api = FakeSlackAPI()
        let router = Router()
        router.post("/api/{method}") { request, context in
            try await api.answer(request, method: context.parameters.get("method") ?? "")
        }
        try await LoopbackServer.serving(router, label: "fake-slack") { port in
            try await body(api, "http://127.0.0.1:\(port)/api")
        }
    }

    /// Records one call and answers it.
    private func answer(_ request: Request, method: String) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let json = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        let call = Call(
            method: method, authorization: request.headers[.authorization], channel: json?["channel"] as? String,
            text: json?["text"] as? String, mentions: json?["mentions"] as? [String])
        let answer = state.withLock { state in
            state.calls.append(call)
            return state.script.isEmpty ? Answer.ok : state.script.removeFirst()
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
