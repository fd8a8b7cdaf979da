import Foundation

/// An incident room's name from the configured pattern.
///
/// One rule serves every platform, so a room is called the same wherever it is made: Slack
/// takes lower-case letters, digits, hyphens and underscores up to 80 characters; Mattermost
/// the same characters, starting and ending with a letter or digit, up to 64; Discord any
/// thread name up to 100. Whatever a title holds, the name is never empty and never refused
/// for its characters.
public enum RoomName {
    /// The slug of a title with no letter or digit in it (only punctuation or emoji), and the
    /// name of a pattern that leaves nothing.
    public static let fallback = "incident"

    /// `pattern` with `{number}` (the incident number, e.g. 12), `{slug}` (the title as a slug)
    /// and `{severity}` (lower-cased, e.g. sev-1) filled in, then made valid for every platform:
    /// lower case ASCII letters, digits, hyphens and underscores only; accents folded (é→e);
    /// every other run of characters one hyphen; no leading/trailing/double hyphens; cut to
    /// `limit` characters at a hyphen where possible, never leaving a trailing hyphen. A slug
    /// that comes out empty (a title of only punctuation or emoji) is "incident". The result is
    /// never empty and always starts with a letter or digit.
    public static func make(pattern: String, number: Int, title: String, severity: String, limit: Int) -> String {
        let slug = clean(title)
        let filled =
            pattern
            .replacingOccurrences(of: "{number}", with: String(number))
            .replacingOccurrences(of: "{slug}", with: slug.isEmpty ? fallback : slug)
            .replacingOccurrences(of: "{severity}", with: severity.lowercased())
        let name = clean(filled)
        return cut(name.isEmpty ? fallback : name, to: limit)
    }

    /// The `attempt`-th alternative when `name` is taken: `name-2`, `name-3`, … (attempt 2, 3,
    /// …), cut so the whole stays within `limit`. attempt 1 is `name` itself.
    public static func alternative(_ name: String, attempt: Int, limit: Int) -> String {
        let limit = max(limit, 1)
        let cleaned = clean(name)
        let name = cleaned.isEmpty ? fallback : cleaned
        guard attempt > 1 else { return cut(name, to: limit) }
        let number = String(attempt)
        let room = limit - number.count - 1
        guard room > 0 else { return String(number.suffix(limit)) }
        return cut(name, to: room) + "-" + number
    }

    /// `text` folded to ASCII and lower case, each run of other characters one separator: an
    /// underscore for a run of underscores only, else a hyphen; none at either end.
    static func clean(_ text: String) -> String {
        var out = ""
        var separator: Character?
        for scalar in folded(text).unicodeScalars {
            if isLetterOrDigit(scalar) {
                if let separator, !out.isEmpty { out.append(separator) }
                separator = nil
                out.unicodeScalars.append(scalar)
            } else if scalar == "_", separator != "-" {
                separator = "_"
            } else {
                separator = "-"
            }
        }
        return out
    }

    /// `name` (already clean) at most `limit` characters: cut at its last separator when that
    /// keeps at least half the room, else mid-word, and never ending on a separator. Also never
    /// 40 hexadecimal digits, which Mattermost keeps for group messages.
    static func cut(_ name: String, to limit: Int) -> String {
        let limit = max(limit, 1)
        var bytes = Array(name.utf8)
        if bytes.count > limit {
            if !isSeparator(bytes[limit]),
                let last = bytes[..<limit].lastIndex(where: isSeparator), last > 0, last >= limit / 2
            {
                bytes = Array(bytes[..<last])
            } else {
                bytes = Array(bytes[..<limit])
            }
        }
        while let last = bytes.last, isSeparator(last) { bytes.removeLast() }
        if bytes.count == 40, bytes.allSatisfy(isHexDigit) { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` in lower case with accents and compatibility forms folded away (é→e, ﬁ→fi, Ａ→a)
    /// and the Latin letters that have no decomposition spelled out (ß→ss, ø→o, ł→l).
    private static func folded(_ text: String) -> String {
        var out = ""
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if let spelled = spelledOut[scalar] {
                out += spelled
            } else if !isMark(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Latin letters that NFKD leaves whole, as their usual ASCII spelling.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
        "ŧ": "t", "ŋ": "n", "ĸ": "k",
    ]

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
