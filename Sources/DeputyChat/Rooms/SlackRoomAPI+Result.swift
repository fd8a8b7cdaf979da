import Foundation

extension SlackRoomAPI {
    /// Slack errors that mean "later", whatever the call.
    static let transientErrors: Set<String> = [
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    ]

    /// Invite errors that leave the person in the room all the same: already there, or the bot
    /// itself (which made the room).
    static let inviteSettled: Set<String> = ["already_in_channel", "cant_invite_self"]

    public func result(of call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult {
        RoomWire.redacting(token, in: reading(call, status: status, headers: headers, body: body))
    }

    /// What the answer means, before any echo of the token is taken out of its reason.
    private func reading(_ call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult {
        let after = RoomWire.seconds("retry-after", in: headers)
        if let later = RoomWire.transient(status: status, after: after) { return later }
        let object = RoomWire.object(body)
        guard (200..<300).contains(status) else {
            return RoomWire.failure(status: status, code: RoomWire.string("error", in: object))
        }
        guard let object, let ok = object["ok"] as? Bool else { return .failed(reason: Self.missing(for: call)) }
        guard ok else { return refusal(of: call, object, after: after) }
        switch call {
        case .createRoom:
            let channel = object["channel"] as? [String: Any]
            guard let id = RoomWire.string("id", in: channel) else { return .failed(reason: Self.missing(for: call)) }
            return .done(id: id, name: RoomWire.string("name", in: channel))
        case .post:
            guard let ts = RoomWire.string("ts", in: object) else { return .failed(reason: Self.missing(for: call)) }
            return .done(id: ts, name: nil)
        case .invite, .edit, .pin, .archive, .lookUp:
            return .done(id: nil, name: nil)
        }
    }

    /// What `{"ok":false,"error":…}` means for `call`.
    private func refusal(of call: RoomCall, _ object: [String: Any], after: TimeInterval?) -> RoomCallResult {
        let error = RoomWire.reason(RoomWire.string("error", in: object) ?? "unknown_error")
        if Self.transientErrors.contains(error) { return .retry(after: after, reason: error) }
        switch (call, error) {
        case (.createRoom, "name_taken"):
            return .nameTaken
        case (.invite, _):
            return inviteRefusal(error, object)
        case (.edit, "message_not_found"), (.pin, "message_not_found"):
            return .messageGone
        case (.pin, "already_pinned"), (.archive, "already_archived"):
            return .done(id: nil, name: nil)
        case (_, "missing_scope"):
            guard let needed = RoomWire.string("needed", in: object) else { return .failed(reason: error) }
            return .failed(reason: RoomWire.reason("missing_scope (needs \(needed))"))
        default:
            return .failed(reason: error)
        }
    }

    /// An invite's refusal: done when everyone named is in the room after all (each error is
    /// already_in_channel or cant_invite_self), else each error with the users it stopped:
    /// "user_not_found (U111111)".
    private func inviteRefusal(_ error: String, _ object: [String: Any]) -> RoomCallResult {
        let entries = (object["errors"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        let settled = entries.isEmpty ? Self.inviteSettled.contains(error) : entries.allSatisfy(isSettled)
        if settled { return .done(id: nil, name: nil) }
        var stopped: [(error: String, users: [String])] = []
        for entry in entries where !isSettled(entry) {
            let code = RoomWire.string("error", in: entry) ?? error
            let user = RoomWire.string("user", in: entry) ?? "?"
            if let index = stopped.firstIndex(where: { $0.error == code }) {
                stopped[index].users.append(user)
            } else {
                stopped.append((code, [user]))
            }
        }
        guard !stopped.isEmpty else { return .failed(reason: error) }
        let parts = stopped.map { "\($0.error) (\($0.users.joined(separator: ", ")))" }
        return .failed(reason: RoomWire.reason(parts.joined(separator: ", ")))
    }

    private func isSettled(_ entry: [String: Any]) -> Bool {
        Self.inviteSettled.contains(RoomWire.string("error", in: entry) ?? "")
    }

    /// The reason for a 200 that is not the JSON the call answers with.
    private static func missing(for call: RoomCall) -> String {
        switch call {
        case .createRoom: return "Slack answered without a channel id"
        case .post: return "Slack answered without a message ts"
        case .invite, .edit, .pin, .archive, .lookUp: return "Slack answered without \"ok\""
        }
    }
}
