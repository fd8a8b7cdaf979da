/// The generic webhook's bearer token, checked in constant time.
public struct GenericToken: Sendable {
    private let token: [UInt8]

    /// The token requests must carry as `Authorization: Bearer <token>`.
    public init(_ token: String) {
        self.token = Array(token.utf8)
    }

    /// Whether `authorization` (an `Authorization` header's value) carries the token. The time
    /// taken depends only on the header's length, never on how much of a guess was right.
    public func accepts(_ authorization: String?) -> Bool {
        guard let authorization, authorization.utf8.count > 7,
            authorization.prefix(7).lowercased() == "bearer "
        else { return false }
        let candidate = Array(authorization.utf8.dropFirst(7))
        guard !token.isEmpty else { return false }
        var difference: UInt8 = candidate.count == token.count ? 0 : 1
        for index in candidate.indices {
            difference |= candidate[index] ^ token[index % token.count]
        }
        return difference == 0
    }
}
