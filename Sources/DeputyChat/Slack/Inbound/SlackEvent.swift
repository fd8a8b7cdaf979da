import Foundation

/// What the Events API posts. Deputy subscribes only to answer Slack's URL check and to hear
/// about its own uninstallation; every event is acknowledged and otherwise ignored.
public enum SlackEvent: Hashable, Sendable {
    /// Slack checking the request URL: answer 200 with `challenge` as `text/plain`.
    case urlVerification(challenge: String)
    /// An `event_callback` of inner type `type` (`app_uninstalled`, `tokens_revoked`, …).
    case callback(type: String, eventID: String, teamID: String)
    /// Any other envelope (`app_rate_limited`, …).
    case other(type: String)

    /// Whether Deputy only acknowledges it, with nothing else to do.
    public var isIgnorable: Bool {
        if case .urlVerification = self { return false }
        return true
    }

    /// Reads an event from its JSON body. Verify the signature first.
    public init(body: Data) throws(SlackError) {
        let wire: Envelope
        do {
            wire = try JSONDecoder().decode(Envelope.self, from: body)
        } catch {
            throw .malformedPayload("\(error)")
        }
        switch wire.type {
        case "url_verification":
            guard let challenge = wire.challenge else { throw .missingField("challenge") }
            self = .urlVerification(challenge: challenge)
        case "event_callback":
            guard let eventID = wire.eventID, !eventID.isEmpty else { throw .missingField("event_id") }
            guard let teamID = wire.teamID, !teamID.isEmpty else { throw .missingField("team_id") }
            self = .callback(type: wire.event?.type ?? "", eventID: eventID, teamID: teamID)
        default:
            self = .other(type: wire.type)
        }
    }

    /// The outer JSON: the parts Deputy reads.
    private struct Envelope: Decodable {
        var type: String
        var challenge: String?
        var eventID: String?
        var teamID: String?
        var event: Inner?

        enum CodingKeys: String, CodingKey {
            case type, challenge, event
            case eventID = "event_id"
            case teamID = "team_id"
        }
    }

    /// The inner `event`: only its type.
    private struct Inner: Decodable {
        var type: String?
    }
}
