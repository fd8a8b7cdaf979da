import DeputyChat
import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The Teams outgoing webhook's endpoint. The body's signature is checked before anything in it
/// is read, then the activity's timestamp; bad input gets a clear status and changes nothing.
/// Teams takes exactly one answer, so every reply of the command goes in it.
public struct TeamsRoutes: Sendable {
    /// Where the outgoing webhook posts.
    public static let messagesPath = "/teams/messages"

    let signature: TeamsSignature
    let encoder: TeamsEncoder
    let desk: any CommandDesk
    let maxBodyBytes: Int
    /// The real clock: freshness never uses an accelerated or manual one (tests pass their own).
    let now: @Sendable () -> Date

    public init(
        signature: TeamsSignature, encoder: TeamsEncoder, desk: any CommandDesk, maxBodyBytes: Int = 65_536,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.signature = signature
        self.encoder = encoder
        self.desk = desk
        self.maxBodyBytes = maxBodyBytes
        self.now = now
    }

    /// Adds the route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(Self.messagesPath)) { request, _ in try await message(request) }
    }

    func message(_ request: Request) async throws -> Response {
        let body: Data
        switch await request.body(upTo: maxBodyBytes) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        do {
            try signature.verify(body: body, authorization: request.headers[.authorization])
        } catch {
            return Self.unauthorized(error)
        }
        let command: TeamsCommand
        do {
            command = try TeamsCommand(body: body)
            try TeamsSignature.checkFreshness(of: command.timestamp, now: now())
        } catch {
            return error.isAuthenticationFailure ? Self.unauthorized(error) : .plain(.badRequest, "\(error)")
        }
        let inbound = InboundCommand(
            channel: command.channel, user: command.user, text: command.text, dedupeKey: command.dedupeKey)
        switch await desk.submitAnsweringAll(inbound) {
        case .answered(let replies):
            return .json(encoder.answer(replies))
        case .duplicate:
            return Response(status: .ok)
        case .forbidden:
            return .forbidden
        case .unavailable:
            return .json(encoder.answer([.privately(command.user, .cannotRecord)]))
        }
    }

    /// The answer to a request that cannot be shown to come from Teams just now.
    static func unauthorized(_ error: TeamsError) -> Response {
        var response = Response.plain(.unauthorized, "\(error)")
        response.headers[.wwwAuthenticate] = "HMAC"
        return response
    }
}
