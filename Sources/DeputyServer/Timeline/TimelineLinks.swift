import Crypto
import DeputyCore
import Foundation

/// The signed links to the timeline page: `<public url>/incidents/INC-<n>?expires=<unix
/// seconds>&sig=<hex HMAC-SHA256 of "INC-<n>:<expires>">`. Whoever holds a link can read that
/// one incident's timeline until it expires, and nothing else; a link is checked in constant
/// time against the secret, and always against the real clock.
public struct TimelineLinks: Sendable {
    /// The key's bytes (swift-crypto's `SymmetricKey` is not `Sendable`); never logged.
    private let secret: [UInt8]
    /// The public address without its trailing slashes; nil when Deputy has none, so no link can
    /// be handed out (the page still checks links made before).
    public let baseURL: String?
    /// How long a new link stays valid.
    public let validFor: Span
    /// The real clock; tests pass their own.
    private let now: @Sendable () -> Date

    /// The links signed with `secret`, built on `publicURL`, each valid for `validFor`.
    public init(
        secret: [UInt8], publicURL: String?, validFor: Span, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.secret = secret
        var base = publicURL?.trimmingCharacters(in: .whitespaces)
        while base?.hasSuffix("/") == true { base?.removeLast() }
        self.baseURL = base?.isEmpty == false ? base : nil
        self.validFor = validFor
        self.now = now
    }

    /// A link to the page of `id`, and when it expires; nil without a public address.
    public func link(for id: IncidentID) -> (url: String, expires: Date)? {
        guard let baseURL else { return nil }
        let expires = newExpiry()
        let query = "expires=\(expires)&sig=\(signature(id, expires))"
        return (baseURL + TimelineRoutes.pathPrefix + id.description + "?" + query, Date(seconds: expires))
    }

    /// The incident a request for `/incidents/<idText>?expires=…&sig=…` may read: nil for a
    /// malformed id, expiry or signature, a signature made for anything else, or an expired link.
    public func verify(id idText: String, expires expiresText: String?, signature: String?) -> IncidentID? {
        guard let id = IncidentID(parsing: idText), id.description == idText,
            isSigned({ Self.message(id, $0) }, expires: expiresText, signature: signature)
        else { return nil }
        return id
    }

    /// The expiry every new link carries: `validFor` from now, in whole seconds.
    func newExpiry() -> Int64 {
        Int64(now().timeIntervalSince1970.rounded(.down)) + Int64(validFor.seconds)
    }

    /// Whether `signature` is the HMAC of the message `message` makes of the expiry (checked in
    /// constant time) and that expiry has not passed; false for a malformed expiry or signature.
    func isSigned(_ message: (Int64) -> Data, expires expiresText: String?, signature: String?) -> Bool {
        guard let expiresText, expiresText.count <= 12, expiresText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let expires = Int64(expiresText),
            let signature, signature.count == 64, let code = Self.bytes(hex: signature)
        else { return false }
        let valid = HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: message(expires), using: SymmetricKey(data: secret))
        return valid && Double(expires) > now().timeIntervalSince1970
    }

    /// What is signed: `INC-<n>:<expires>`.
    static func message(_ id: IncidentID, _ expires: Int64) -> Data {
        Data("\(id.description):\(expires)".utf8)
    }

    /// The hex HMAC of a link.
    func signature(_ id: IncidentID, _ expires: Int64) -> String {
        sign(Self.message(id, expires))
    }

    /// The hex HMAC of `message`, keyed with the links' secret.
    func sign(_ message: Data) -> String {
        HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret))
            .map { String(format: "%02x", $0) }.joined()
    }

    /// The bytes of a hex string, either case; nil for anything else.
    private static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8?
        for unit in hex.utf8 {
            let value: UInt8
            switch unit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = unit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = unit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = unit - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? bytes : nil
    }
}

extension Date {
    /// The moment `seconds` after 1970.
    init(seconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(seconds))
    }
}
