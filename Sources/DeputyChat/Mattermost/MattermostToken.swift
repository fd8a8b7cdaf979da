/// A Mattermost slash command's token, checked in constant time. Mattermost sends it both as
/// `Authorization: Token <token>` and as the form field `token`.
public struct MattermostToken: Sendable {
    private let token: [UInt8]

    /// The token Mattermost shows when the slash command is created.
    public init(_ token: String) {
        self.token = Array(token.utf8)
    }

    /// The token carried by an `Authorization` header's value (`Token …`), if it carries one.
    public static func fromAuthorization(_ authorization: String?) -> String? {
        guard let authorization, authorization.utf8.count > 6, authorization.prefix(6).lowercased() == "token "
        else { return nil }
        return String(authorization.dropFirst(6))
    }

    /// Whether `candidate` is the token. The time taken depends only on the candidate's length,
    /// never on how much of a guess was right.
    public func accepts(_ candidate: String?) -> Bool {
        guard let candidate, !token.isEmpty else { return false }
        let bytes = Array(candidate.utf8)
        var difference: UInt8 = bytes.count == token.count ? 0 : 1
        for index in bytes.indices {
            difference |= bytes[index] ^ token[index % token.count]
        }
        return difference == 0
    }
}
