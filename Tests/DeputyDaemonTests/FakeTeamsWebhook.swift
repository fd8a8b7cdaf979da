import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Fake Workflows webhooks on 127.0.0.1: `POST /workflows/{name}`, one address per channel as
/// Teams' "When a Teams webhook request is received" flows give. It records every post and
/// answers 202, as Workflows does.
final class FakeTeamsWebhook: Sendable {
    /// One post as the fake received it.
    struct Post: Sendable {
        /// Which webhook: the `{name}` of its path.
        var webhook: String
        /// The body, as JSON.
        var body: Data

        /// The body as a JSON object.
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }

        /// The Adaptive Card of the first attachment.
        var card: [String: Any]? {
            (object["attachments"] as? [[String: Any]])?.first?["content"] as? [String: Any]
        }

        /// The text of the card's first TextBlock.
        var text: String? {
            (card?["body"] as? [[String: Any]])?.first?["text"] as? String
        }
    }

    private let recorded = Mutex<[Post]>([])

    /// Every post so far, in order.
    var posts: [Post] { recorded.withLock { $0 } }

    /// Runs `body` with the fake listening on a free port of 127.0.0.1, given its base address
    /// (`http://127.0.0.1:<port>`); stops it when `body` returns.
    static func serving(_ body: @escaping @Sendable (FakeTeamsWebhook, String) async throws -> Void) async throws {
        let hooks = FakeTeamsWebhook()
        let router = Router()
        router.post("/workflows/{name}") { request, context in
            let data = try await request.body.collect(upTo: 1 << 20)
            let post = Post(webhook: context.parameters.get("name") ?? "", body: Data(data.readableBytesView))
            hooks.recorded.withLock { $0.append(post) }
            return Response(status: .accepted)
        }
        try await LoopbackServer.serving(router, label: "fake-teams-webhook") { port in
            try await body(hooks, "http://127.0.0.1:\(port)")
        }
    }
}
