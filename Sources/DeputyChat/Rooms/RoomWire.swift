import Foundation

/// What the three room APIs share on the wire: JSON bodies written the same way, answers read
/// without trapping, path segments escaped, and the statuses that mean "try again later".
enum RoomWire {
    /// The longest reason kept from a platform's answer: enough for an error code and a few
    /// words, never a whole body.
    static let reasonLimit = 120

    /// `object` as compact JSON with sorted keys, so a request's bytes are the same every time.
    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }

    /// A request with `authorization`, and `fields` as its JSON body when there are any. A
    /// bodiless PUT, POST or PATCH says `Content-Length: 0`: Discord's front end refuses one
    /// without a length (411), and a client sending no body may send no length either.
    static func request(
        _ method: String, _ url: String, authorization: String, fields: [String: Any]?
    )
        -> RoomRequest
    {
        var headers = ["Authorization": authorization]
        guard let fields else {
            if ["PUT", "POST", "PATCH"].contains(method) { headers["Content-Length"] = "0" }
            return RoomRequest(method: method, url: url, headers: headers)
        }
        headers["Content-Type"] = "application/json"
        return RoomRequest(method: method, url: url, headers: headers, body: json(fields))
    }

    /// `body` as a JSON object, or nil when it is anything else.
    static func object(_ body: Data) -> [String: Any]? {
        guard !body.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// A string field of `object`, or nil when it is missing, not a string, or empty.
    static func string(_ key: String, in object: [String: Any]?) -> String? {
        guard let value = object?[key] as? String, !value.isEmpty else { return nil }
        return value
    }

    /// `id` fit for one path segment: only unreserved characters are left as they are, so an
    /// id can never reach another route.
    static func segment(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let ascii = CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127))
        return id.addingPercentEncoding(withAllowedCharacters: allowed.intersection(ascii)) ?? ""
    }

    /// A header's number of seconds (`Retry-After: 30`, `2.5`), or nil when there is none or
    /// it is not a sensible delay (an HTTP date, a negative or endless number).
    static func seconds(_ name: String, in headers: [String: String]) -> TimeInterval? {
        guard let text = HeaderLookup.value(name, in: headers),
            let seconds = TimeInterval(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0
        else { return nil }
        return seconds
    }

    /// The answer for a status that says "later" whatever the platform: 429, 408 and 5xx; nil
    /// for any other status. `after` is the delay the platform asked for, if it did.
    static func transient(status: Int, after: TimeInterval?) -> RoomCallResult? {
        switch status {
        case 429: return .retry(after: after, reason: "rate limited (HTTP 429)")
        case 408, 500...599: return .retry(after: after, reason: "HTTP \(status)")
        default: return nil
        }
    }

    /// A failure's reason: `HTTP <status>` and the platform's own code when it gave one, cut
    /// to `reasonLimit` and kept to one printable line.
    static func failure(status: Int, code: String?) -> RoomCallResult {
        .failed(reason: reason(code.map { "HTTP \(status) \($0)" } ?? "HTTP \(status)"))
    }

    /// `text` on one line of printable characters, at most `reasonLimit` long.
    static func reason(_ text: String) -> String {
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                line.append(" ")
            } else if scalar.properties.generalCategory != .control {
                line.append(scalar)
            }
        }
        return String(String(line).prefix(reasonLimit))
    }

    /// `result` with every copy of `token` in its reason replaced, should a platform ever echo
    /// what it was sent: a reason is logged and shown, a token never. A reason cut short in the
    /// middle of the token loses that part too.
    static func redacting(_ token: String, in result: RoomCallResult) -> RoomCallResult {
        guard !token.isEmpty else { return result }
        switch result {
        case .retry(let after, let reason):
            return .retry(after: after, reason: redacting(token, in: reason))
        case .failed(let reason):
            return .failed(reason: redacting(token, in: reason))
        case .done, .nameTaken, .messageGone:
            return result
        }
    }

    private static func redacting(_ token: String, in reason: String) -> String {
        var text = reason.replacingOccurrences(of: token, with: "[token]")
        // The shortest start of a token worth hiding: shorter ones match ordinary words.
        let shortest = min(token.count, 4)
        for length in stride(from: min(token.count - 1, text.count), through: shortest, by: -1)
        where text.hasSuffix(token.prefix(length)) {
            text = String(text.dropLast(length)) + "[token]"
            break
        }
        return text
    }

    /// `users` in groups of at most `size`, in order, for APIs that take a bounded list.
    static func groups(of users: [String], size: Int) -> [[String]] {
        stride(from: 0, to: users.count, by: size).map { Array(users[$0..<min($0 + size, users.count)]) }
    }
}
