import DeputyChat
import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Mattermost's slash command endpoint. The command token is checked before anything else in
/// the form is read; bad input gets a clear status and changes nothing.
public struct MattermostRoutes: Sendable {
    /// Where the slash command posts.
    public static let commandsPath = "/mattermost/commands"

    let token: MattermostToken
    let encoder: MattermostEncoder
    let desk: any CommandDesk
    let maxBodyBytes: Int
    /// Where callers' Mattermost ids are kept, for delivery's ephemeral posts.
    let people: MattermostPeople

    public init(
        token: MattermostToken, encoder: MattermostEncoder, desk: any CommandDesk, maxBodyBytes: Int = 65_536,
        people: MattermostPeople = MattermostPeople()
    ) {
        self.token = token
        self.encoder = encoder
        self.desk = desk
        self.maxBodyBytes = maxBodyBytes
        self.people = people
    }

    /// Adds the route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.post(RouterPath(Self.commandsPath)) { request, _ in try await command(request) }
    }

    func command(_ request: Request) async throws -> Response {
        // A header token is checked before the body is even collected.
        let headerToken = MattermostToken.fromAuthorization(request.headers[.authorization])
        if let headerToken, !token.accepts(headerToken) { return Self.unauthorized }
        let body: Data
        switch await request.body(upTo: maxBodyBytes) {
        case .failure(let rejected): return rejected.response
        case .success(let data): body = data
        }
        let fields: [String: String]
        do {
            fields = try FormDecoder.decode(body)
        } catch {
            return headerToken == nil ? Self.unauthorized : .plain(.badRequest, "\(MattermostError.malformedForm)")
        }
        // Without a header, the form's `token` is the one field read before it is verified.
        if headerToken == nil, !token.accepts(fields["token"]) { return Self.unauthorized }
        let command: MattermostCommand
        do {
            command = try MattermostCommand(fields: fields)
        } catch {
            return .plain(.badRequest, "\(error)")
        }
        people.learn(username: command.user.id, id: command.userID)
        let inbound = InboundCommand(
            channel: command.channel, user: command.user, text: command.text, responseURL: command.responseURL,
            dedupeKey: command.dedupeKey, channelName: command.channelName)
        let encoder = self.encoder
        let submission = await desk.submit(inbound) { encoder.parts(of: $0).count <= 1 }
        switch submission {
        case .answered(let reply?):
            return .json(encoder.answer(reply))
        case .answered(nil), .duplicate:
            return Response(status: .ok)
        case .forbidden:
            return .forbidden
        case .unavailable:
            return .json(encoder.answer(.privately(command.user, .cannotRecord)))
        }
    }

    /// The answer to a missing or wrong token.
    static var unauthorized: Response {
        var response = Response.plain(.unauthorized, "missing or wrong slash command token")
        response.headers[.wwwAuthenticate] = "Token"
        return response
    }
}
