import DeputyChat
import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Slack's three endpoints. Every request is verified before its body is read as a form, and
/// bad input gets a clear status and changes nothing.
public struct SlackRoutes: Sendable {
    let signature: SlackSignature
    let encoder: SlackEncoder
    let desk: any CommandDesk
    let maxBodyBytes: Int
    /// The real clock: signature freshness never uses an accelerated or manual one.
    let now: @Sendable () -> Date

    public init(
        signature: SlackSignature, encoder: SlackEncoder, desk: any CommandDesk, maxBodyBytes: Int = 65_536,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signature = signature
        self.encoder = encoder
        self.desk = desk
        self.maxBodyBytes = maxBodyBytes
        self.now = now
    }

    /// Adds the routes to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(SlackManifest.commandsPath)) { request, _ in try await command(request) }
        router.post(RouterPath(SlackManifest.interactionsPath)) { request, _ in try await interaction(request) }
        router.post(RouterPath(SlackManifest.eventsPath)) { request, _ in try await event(request) }
    }

    func command(_ request: Request) async throws -> Response {
        let body: Data
        switch await verifiedBody(request) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        let decoded: SlashCommandRequest
        do {
            decoded = try SlashCommandRequest(body: body)
        } catch {
            return .plain(.badRequest, "\(error)")
        }
        guard case .command(let slash) = decoded else { return Response(status: .ok) }
        let inbound = InboundCommand(
            channel: slash.channel, user: slash.user, text: slash.commandText, responseURL: slash.responseURL,
            dedupeKey: slash.dedupeKey)
        let encoder = self.encoder
        // The first reply is rendered once: to see whether it fits the answer, and for the answer.
        let rendered = Rendered()
        let submission = await desk.submit(inbound) { reply in
            let parts = encoder.parts(of: reply)
            rendered.keep(parts, of: reply)
            return parts.count <= 1
        }
        switch submission {
        case .answered(let reply?):
            let parts = rendered.parts(of: reply) ?? encoder.parts(of: reply)
            return .json(encoder.answer(reply, parts: parts, responseURL: slash.responseURL).body)
        case .answered(nil), .duplicate:
            return Response(status: .ok)
        case .forbidden:
            return .forbidden
        case .unavailable:
            let apology = Reply.privately(slash.user, .cannotRecord)
            return .json(encoder.answer(apology, responseURL: slash.responseURL).body)
        }
    }

    func interaction(_ request: Request) async throws -> Response {
        let body: Data
        switch await verifiedBody(request) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        let interaction: SlackInteraction
        do {
            interaction = try SlackInteraction(body: body)
        } catch {
            return .plain(.badRequest, "\(error)")
        }
        let inbound = InboundCommand(
            channel: interaction.channel, user: interaction.user, text: interaction.commandText,
            responseURL: interaction.responseURL, dedupeKey: interaction.dedupeKey)
        // Slack ignores an interaction's HTTP body: every reply leaves through the outbox.
        if case .forbidden = await desk.submit(inbound, fitsInAnswer: { _ in false }) { return .forbidden }
        return Response(status: .ok)
    }

    func event(_ request: Request) async throws -> Response {
        let body: Data
        switch await verifiedBody(request) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let delivery: SlackEventDelivery
        do {
            delivery = try SlackEventDelivery(body: body, headers: headers)
        } catch {
            return .plain(.badRequest, "\(error)")
        }
        if case .urlVerification(let challenge) = delivery.event { return .plain(.ok, challenge) }
        return Response(status: .ok)
    }

    /// The raw body, once its size and signature are checked; otherwise the response to send.
    func verifiedBody(_ request: Request) async -> Result<Data, RejectedRequest> {
        let body: Data
        switch await request.body(upTo: maxBodyBytes) {
        case .failure(let rejected): return .failure(rejected)
        case .success(let data): body = data
        }
        let timestamp = request.headers[HTTPField.Name(SlackSignature.timestampHeader) ?? .contentType]
        let signed = request.headers[HTTPField.Name(SlackSignature.signatureHeader) ?? .contentType]
        do {
            try signature.verify(body: body, timestamp: timestamp, signature: signed, now: now())
        } catch {
            return .failure(RejectedRequest(.plain(.unauthorized, "\(error)")))
        }
        return .success(body)
    }
}

/// The rendering of a command's first reply, kept from the desk's question "does it fit in the
/// answer?" for the answer itself.
final class Rendered: Sendable {
    private let kept = Mutex<(reply: Reply, parts: [SlackEncoder.Part])?>(nil)

    func keep(_ parts: [SlackEncoder.Part], of reply: Reply) {
        kept.withLock { $0 = (reply, parts) }
    }

    /// The parts kept for `reply`, if it is the reply they were rendered from.
    func parts(of reply: Reply) -> [SlackEncoder.Part]? {
        kept.withLock { kept in kept.flatMap { $0.reply == reply ? $0.parts : nil } }
    }
}

/// A response that ends a request early (an error carrying its response).
struct RejectedRequest: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}

extension Response {
    /// A plain-text response.
    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The answer to a command from a workspace or channel Deputy is not allowed in.
    static var forbidden: Response {
        .plain(.forbidden, "this workspace or channel is not on Deputy's allow list (allow in Config/deputy.yaml)")
    }

    /// A JSON response.
    static func json(_ data: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
