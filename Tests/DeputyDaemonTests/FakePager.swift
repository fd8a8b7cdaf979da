import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A fake PagerDuty and a fake page webhook on 127.0.0.1: `POST /v2/enqueue` (the Events API),
/// `POST /hooks/{name}` (page webhooks) and `GET /incidents/{id}/alerts` (the REST API's alerts of
/// an incident). It records every post; the Events API answers what the test scripted, in order,
/// then 202 as PagerDuty does.
final class FakePager: Sendable {
    /// One post as the fake received it.
    struct Post: Sendable {
        var path: String
        var body: Data
        var signature: String?

        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }
    }

    /// An answer the Events API gives once.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var headers: [(String, String)] = []
        var body: String = ""
    }

    private let recorded = Mutex<[Post]>([])
    private let script = Mutex<[Answer]>([])
    /// The alert keys of each PagerDuty incident, for the REST API.
    let alertKeys = Mutex<[String: [String]]>([:])

    var posts: [Post] { recorded.withLock { $0 } }
    var events: [[String: Any]] { posts.filter { $0.path == "/v2/enqueue" }.map(\.object) }
    var hooks: [Post] { posts.filter { $0.path.hasPrefix("/hooks/") } }

    /// The next Events API requests get these answers, in order.
    func answer(_ answers: Answer...) {
        script.withLock { $0 += answers }
    }

    static func serving(_ body: @escaping @Sendable (FakePager, String) async throws -> Void) async throws {
        let pager = FakePager()
        let router = Router()
        router.post("/v2/enqueue") { request, _ in
            let data = try await request.body.collect(upTo: 1 << 20)
            let post = Post(path: "/v2/enqueue", body: Data(data.readableBytesView))
            pager.recorded.withLock { $0.append(post) }
            let scripted = pager.script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            let answer =
                scripted
                ?? Answer(
                    status: .accepted,
                    body: #"{"status":"success","message":"Event processed","dedup_key":"x"}"#)
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            for (name, value) in answer.headers {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            return Response(
                status: answer.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body))
            )
        }
        router.post("/hooks/{name}") { request, context in
            let data = try await request.body.collect(upTo: 1 << 20)
            let signature = HTTPField.Name("X-Deputy-Signature").flatMap { request.headers[$0] }
            let post = Post(
                path: "/hooks/" + (context.parameters.get("name") ?? ""), body: Data(data.readableBytesView),
                signature: signature)
            pager.recorded.withLock { $0.append(post) }
            return Response(status: .ok)
        }
        router.get("/incidents/{id}/alerts") { _, context in
            let id = context.parameters.get("id") ?? ""
            let keys = pager.alertKeys.withLock { $0[id] ?? [] }
            let alerts = keys.map { #"{"id":"A1","alert_key":"\#($0)"}"# }.joined(separator: ",")
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"alerts":[\#(alerts)],"more":false}"#)))
        }
        try await LoopbackServer.serving(router, label: "fake-pager") { port in
            try await body(pager, "http://127.0.0.1:\(port)")
        }
    }
}
