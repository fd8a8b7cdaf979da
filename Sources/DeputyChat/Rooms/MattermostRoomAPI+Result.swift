import Foundation

extension MattermostRoomAPI {
    /// The AppError id of a channel name already held in the team (the store's
    /// `ChannelExistsError`).
    public static let nameTakenError = "store.sql_channel.save_channel.exists.app_error"
    /// The AppError id of archiving a channel that is archived already.
    public static let alreadyArchivedError = "api.channel.delete_channel.deleted.app_error"

    /// The longest wait a reset header may ask for and still be read as seconds from now; a
    /// larger number is a moment in time, which a pure reading cannot turn into a delay.
    static let longestReset: TimeInterval = 86_400

    public func result(of call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult {
        RoomWire.redacting(botToken, in: reading(call, status: status, headers: headers, body: body))
    }

    /// What the answer means, before any echo of the token is taken out of its reason.
    private func reading(_ call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult {
        if let later = RoomWire.transient(status: status, after: Self.delay(in: headers)) { return later }
        let object = RoomWire.object(body)
        guard (200..<300).contains(status) else {
            let code = RoomWire.string("id", in: object)
            switch (call, status, code) {
            case (.createRoom, 400, Self.nameTakenError):
                return .nameTaken
            case (.edit, 404, _), (.pin, 404, _), (.lookUp, 404, _), (.lookUp, 403, _):
                return .messageGone
            case (.archive, 400, Self.alreadyArchivedError):
                return .done(id: nil, name: nil)
            default:
                return RoomWire.failure(status: status, code: code)
            }
        }
        switch call {
        case .createRoom:
            guard let id = RoomWire.string("id", in: object) else {
                return .failed(reason: "Mattermost answered without a channel id")
            }
            return .done(id: id, name: RoomWire.string("name", in: object))
        case .post:
            guard let id = RoomWire.string("id", in: object) else {
                return .failed(reason: "Mattermost answered without a post id")
            }
            return .done(id: id, name: nil)
        case .lookUp:
            // A deleted post some servers still return to an admin bot, with its deletion time.
            let deleted = (object?["delete_at"] as? NSNumber).map { $0.int64Value > 0 } ?? false
            return deleted ? .messageGone : .done(id: nil, name: nil)
        case .invite, .edit, .pin, .archive:
            return .done(id: nil, name: nil)
        }
    }

    /// How long Mattermost asked to wait: `Retry-After`, else `X-Ratelimit-Reset` (seconds
    /// until the limit resets, as its rate limiter writes it).
    static func delay(in headers: [String: String]) -> TimeInterval? {
        if let after = RoomWire.seconds("retry-after", in: headers) { return after }
        guard let reset = RoomWire.seconds("x-ratelimit-reset", in: headers), reset <= longestReset else { return nil }
        return reset
    }
}
