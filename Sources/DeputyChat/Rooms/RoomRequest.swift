import Foundation

/// One HTTP request for a room call: delivery sends it as is. It holds the platform's token
/// only in `Authorization`, so it is not to be logged whole.
public struct RoomRequest: Hashable, Sendable {
    /// "POST", "PUT", "PATCH" or "DELETE".
    public var method: String
    /// The full address, the platform's API base and path.
    public var url: String
    /// `Content-Type` when there is a body, and `Authorization`.
    public var headers: [String: String]
    /// The JSON body; empty when none.
    public var body: Data

    /// A request from its parts.
    public init(method: String, url: String, headers: [String: String], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
