import Foundation

extension DiscordRoomAPI {
    /// Discord's JSON error code for a message that does not exist.
    public static let unknownMessage = 10_008

    public func result(of call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult {
        RoomWire.redacting(botToken, in: reading(call, status: status, headers: headers, body: body))
    }

    /// What the answer means, before any echo of the token is taken out of its reason.
    private func reading(_ call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult {
        let object = RoomWire.object(body)
        // A 429's body says how long to wait to the hundredth of a second; the header rounds it.
        let exact = Self.number("retry_after", in: object).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        let after = exact ?? RoomWire.seconds("retry-after", in: headers)
        if let later = RoomWire.transient(status: status, after: after) { return later }
        let code = Self.number("code", in: object).flatMap { Int(exactly: $0) }
        guard (200..<300).contains(status) else {
            if Self.isAboutMessage(call), status == 404 || code == Self.unknownMessage { return .messageGone }
            let message = RoomWire.string("message", in: object)
            let detail = [code.map(String.init), message].compactMap { $0 }.joined(separator: " ")
            return RoomWire.failure(status: status, code: detail.isEmpty ? nil : detail)
        }
        switch call {
        case .createRoom:
            guard let id = RoomWire.string("id", in: object) else {
                return .failed(reason: "Discord answered without a channel id")
            }
            return .done(id: id, name: RoomWire.string("name", in: object))
        case .post:
            guard let id = RoomWire.string("id", in: object) else {
                return .failed(reason: "Discord answered without a message id")
            }
            return .done(id: id, name: nil)
        case .invite, .edit, .pin, .archive, .lookUp:
            return .done(id: nil, name: nil)
        }
    }

    /// Whether `call` acts on one message, which can be deleted from under it.
    private static func isAboutMessage(_ call: RoomCall) -> Bool {
        switch call {
        case .edit, .pin: return true
        case .createRoom, .invite, .post, .archive, .lookUp: return false
        }
    }

    /// A JSON number field as a Double, however JSONSerialization boxed it; nil when missing or
    /// not a number.
    private static func number(_ key: String, in object: [String: Any]?) -> Double? {
        guard let value = object?[key] else { return nil }
        if let double = value as? Double { return double }
        if let integer = value as? Int { return Double(integer) }
        return nil
    }
}
