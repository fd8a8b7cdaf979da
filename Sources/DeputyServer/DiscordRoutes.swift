import DeputyChat
import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Discord's interactions endpoint. Every request's Ed25519 signature is checked before its body
/// is read as JSON; Discord probes with bad signatures, and every one gets a 401.
public struct DiscordRoutes: Sendable {
    /// Where Discord posts interactions (the application's Interactions Endpoint URL).
    public static let interactionsPath = "/discord/interactions"

    let signature: DiscordSignature
    let encoder: DiscordEncoder
    /// Discord's API, for the follow-up webhook of each command.
    let apiURL: String
    let desk: any CommandDesk
    let maxBodyBytes: Int
    /// The real clock: signature freshness never uses an accelerated or manual one.
    let now: @Sendable () -> Date

    public init(
        signature: DiscordSignature, encoder: DiscordEncoder, apiURL: String, desk: any CommandDesk,
        maxBodyBytes: Int = 65_536, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signature = signature
        self.encoder = encoder
        self.apiURL = apiURL
        self.desk = desk
        self.maxBodyBytes = maxBodyBytes
        self.now = now
    }

    /// Adds the route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(Self.interactionsPath)) { request, _ in try await interaction(request) }
    }

    func interaction(_ request: Request) async throws -> Response {
        let body: Data
        switch await request.body(upTo: maxBodyBytes) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        do {
            try signature.verify(
                body: body, timestamp: request.headers[Self.timestampHeader],
                signature: request.headers[Self.signatureHeader], now: now())
        } catch {
            return .plain(.unauthorized, "\(error)")
        }
        let command: DiscordCommand
        do {
            switch try DiscordInteraction(body: body) {
            case .ping: return .json(DiscordEncoder.pongAnswer)
            case .command(let decoded): command = decoded
            }
        } catch {
            return .plain(.badRequest, "\(error)")
        }
        let inbound = InboundCommand(
            channel: command.channel, user: command.user, text: command.text,
            responseURL: command.followUpURL(apiURL: apiURL), dedupeKey: command.dedupeKey)
        let encoder = self.encoder
        // The first reply is rendered once: to see whether it fits the answer, and for the answer;
        // when it does not, whether it is private says how the deferred answer must look.
        let first = FirstReply()
        let submission = await desk.submit(inbound) { reply in
            let parts = encoder.parts(of: reply)
            first.keep(reply, parts: parts)
            return parts.count <= 1
        }
        switch submission {
        case .answered(let reply?):
            return .json(encoder.answer(reply, content: first.parts(of: reply)?.first))
        case .answered(nil):
            // The replies follow through the follow-up webhook; the first one takes this one's place.
            return .json(DiscordEncoder.deferredAnswer(isPrivate: first.isPrivate ?? true))
        case .duplicate:
            // Answered when it first came; this copy only needs acknowledging, to its caller alone.
            return .json(DiscordEncoder.deferredAnswer(isPrivate: true))
        case .forbidden:
            return .forbidden
        case .unavailable:
            return .json(encoder.answer(.privately(command.user, .cannotRecord)))
        }
    }

    static let signatureHeader = HTTPField.Name(DiscordSignature.signatureHeader) ?? .authorization
    static let timestampHeader = HTTPField.Name(DiscordSignature.timestampHeader) ?? .authorization
}

/// A command's first reply and its rendering, kept from the desk's question "does it fit in the
/// answer?" for the answer itself.
final class FirstReply: Sendable {
    private let kept = Mutex<(reply: Reply, parts: [String])?>(nil)

    func keep(_ reply: Reply, parts: [String]) {
        kept.withLock { $0 = (reply, parts) }
    }

    /// The parts kept for `reply`, if it is the reply they were rendered from.
    func parts(of reply: Reply) -> [String]? {
        kept.withLock { kept in kept.flatMap { $0.reply == reply ? $0.parts : nil } }
    }

    /// Whether the first reply is private; nil when the desk asked about none.
    var isPrivate: Bool? {
        kept.withLock { $0?.reply.isPrivate }
    }
}
