import Foundation

/// A platform's room API: the requests for a call, and what an answer means. Pure: it sends
/// nothing and keeps no state, so the room flow can be tested without a network and the
/// delivery path can retry a call by sending the same requests again.
public protocol RoomAPI: Sendable {
    /// The longest room name the platform takes (Slack 80, Mattermost 64, Discord 100).
    var nameLimit: Int { get }
    /// The requests that make `call`, in order (several only for Discord's invite, or for an
    /// invite longer than one request takes); none for an invite of nobody.
    func requests(for call: RoomCall) -> [RoomRequest]
    /// What one answer to `call` means. `headers` have lower-cased names.
    func result(of call: RoomCall, status: Int, headers: [String: String], body: Data) -> RoomCallResult
}
