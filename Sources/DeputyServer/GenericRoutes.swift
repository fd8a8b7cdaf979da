import DeputyChat
import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The generic webhook: `POST /hooks/generic` runs a command and answers with every reply, and
/// `GET /hooks/generic/messages` lists the unprompted messages of a channel. With a token, every
/// request must carry it; without one, the daemon serves these routes on loopback only.
public struct GenericRoutes: Sendable {
    /// Where commands are posted.
    public static let commandsPath = "/hooks/generic"
    /// Where unprompted messages are listed.
    public static let messagesPath = "/hooks/generic/messages"
    /// The most messages one listing returns.
    public static let listLimit = 100

    let token: GenericToken?
    let encoder: GenericEncoder
    let desk: any CommandDesk
    let log: any GenericMessageLog
    let maxBodyBytes: Int

    public init(
        token: GenericToken?, encoder: GenericEncoder, desk: any CommandDesk, log: any GenericMessageLog,
        maxBodyBytes: Int = 65_536
    ) {
        self.token = token
        self.encoder = encoder
        self.desk = desk
        self.log = log
        self.maxBodyBytes = maxBodyBytes
    }

    /// Adds the routes to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(Self.commandsPath)) { request, _ in try await command(request) }
        router.get(RouterPath(Self.messagesPath)) { request, _ in try await messages(request) }
    }

    func command(_ request: Request) async throws -> Response {
        if let refused = unauthorized(request) { return refused }
        let body: Data
        switch await request.body(upTo: maxBodyBytes) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        let command: GenericCommand
        do {
            command = try GenericCommand(body: body)
        } catch {
            return .plain(.badRequest, "\(error)")
        }
        let inbound = InboundCommand(channel: command.channel, user: command.user, text: command.text)
        switch await desk.submitAnsweringAll(inbound) {
        case .answered(let replies):
            return .json(encoder.answer(replies))
        case .duplicate:
            return .json(encoder.answer([]))
        case .forbidden:
            return .forbidden
        case .unavailable:
            return Response(
                status: .serviceUnavailable, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(bytes: encoder.answer([.privately(command.user, .cannotRecord)]))))
        }
    }

    func messages(_ request: Request) async throws -> Response {
        if let refused = unauthorized(request) { return refused }
        let query = request.uri.queryParameters
        guard let channel = query.get("channel"), !channel.isEmpty else {
            return .plain(.badRequest, "the query parameter \"channel\" is missing")
        }
        var after: Int64 = 0
        if let text = query.get("after") {
            guard let value = Int64(text), value >= 0 else {
                return .plain(.badRequest, "the query parameter \"after\" must be a message id (a whole number)")
            }
            after = value
        }
        do {
            let found = try await log.messages(channel: channel, after: after, limit: Self.listLimit)
            return .json(GenericEncoder.list(found))
        } catch {
            return .plain(.serviceUnavailable, "the messages cannot be read just now")
        }
    }

    /// A 401 when a token is required and the request does not carry it; nil otherwise.
    private func unauthorized(_ request: Request) -> Response? {
        guard let token, !token.accepts(request.headers[.authorization]) else { return nil }
        var response = Response.plain(.unauthorized, "missing or wrong bearer token")
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}
