import CurlHTTP
import DeputyChat
import Foundation

/// Registers Deputy's `/ic` application command with Discord: globally, or in one server
/// (where it shows at once, which suits trying Deputy out). Registering again overwrites the
/// command of the same name, so it is safe to repeat.
public struct DiscordRegistration: Sendable {
    /// What Discord said.
    public enum Outcome: Sendable, Equatable {
        /// The command is registered; Discord's id for it, when it gave one.
        case registered(commandID: String?)
        /// Discord refused: the HTTP status and its message.
        case refused(status: Int, message: String)
    }

    /// Discord's API, without a trailing slash.
    public var apiURL: String
    /// The application to register the command for.
    public var applicationID: String
    let botToken: String

    public init(apiURL: String, applicationID: String, botToken: String) {
        self.apiURL = apiURL
        self.applicationID = applicationID
        self.botToken = botToken
    }

    /// The request that registers `/ic`, in the server `guild` or, when nil, everywhere.
    public func request(guild: String? = nil) -> HTTPClientRequest {
        let scope = guild.map { "/guilds/\($0)" } ?? ""
        return HTTPClientRequest(
            method: "POST", url: "\(apiURL)/applications/\(applicationID)\(scope)/commands",
            headers: [("Content-Type", "application/json"), ("Authorization", "Bot \(botToken)")],
            body: Array(DiscordEncoder.commandDefinition()), connectTimeout: .seconds(5), totalTimeout: .seconds(30))
    }

    /// Sends the registration through `transport`. Throws when no answer came.
    public func register(guild: String? = nil, transport: any HTTPTransport) async throws -> Outcome {
        let response = try await transport.send(request(guild: guild))
        let answer = try? JSONDecoder().decode(Answer.self, from: Data(response.body))
        guard (200..<300).contains(response.status) else {
            let message = answer?.message ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            return .refused(status: response.status, message: message)
        }
        return .registered(commandID: answer?.id)
    }

    private struct Answer: Decodable {
        var id: String?
        var message: String?
    }
}
