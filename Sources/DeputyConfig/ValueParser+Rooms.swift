extension ValueParser {
    /// A room's name pattern: lowercase letters, digits, `-` and `_` (what both Slack and
    /// Mattermost accept in a channel's name) around the placeholders `{number}` (required, it
    /// keeps names unique), `{slug}` and `{severity}`; not starting with `-` or `_`.
    static func roomNamePattern(_ text: String) throws(InvalidValue) -> String {
        let known = DaemonSettings.Rooms.placeholders
        let (literal, placeholders) = roomNameParts(text)
        if let unknown = placeholders.first(where: { !known.contains($0) }) {
            throw InvalidValue(
                "\(unknown) is not a placeholder a room's name can hold (known: \(known.joined(separator: ", ")))")
        }
        var refused: [Character] = []
        for character in literal where !isRoomNameCharacter(character) && !refused.contains(character) {
            refused.append(character)
        }
        guard refused.isEmpty else {
            let shown = refused.map { "\"\($0)\"" }.joined(separator: ", ")
            throw InvalidValue(
                "\"\(text)\" holds \(shown): a room's name may hold only lowercase letters, digits, - and _ "
                    + "(Slack and Mattermost refuse anything else in a channel's name)")
        }
        guard placeholders.contains("{number}") else {
            throw InvalidValue("\"\(text)\" has no {number}, which keeps each room's name unique")
        }
        if let first = text.first, first == "-" || first == "_" {
            throw InvalidValue(
                "\"\(text)\" starts with \(first): Mattermost refuses a channel name that does not start with a "
                    + "letter or a digit")
        }
        return text
    }

    /// `text` split into its literal characters and its placeholders (`{word}`, in order). A `{`
    /// or `}` that opens or closes no placeholder is literal.
    private static func roomNameParts(_ text: String) -> (literal: String, placeholders: [String]) {
        var literal = ""
        var placeholders: [String] = []
        var open: String?
        for character in text {
            switch character {
            case "{":
                if let pending = open { literal += pending }
                open = "{"
            case "}" where open != nil:
                placeholders.append((open ?? "") + "}")
                open = nil
            default:
                if open != nil { open?.append(character) } else { literal.append(character) }
            }
        }
        if let pending = open { literal += pending }
        return (literal, placeholders)
    }

    /// Whether `character` may stand in a room's name as written: `a-z`, `0-9`, `-` or `_`.
    private static func isRoomNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "-" || character == "_")
    }

    /// An announcements channel's id on `platform` (`slack`, `mattermost` or `discord`).
    static func announceChannel(_ text: String, on platform: String) throws(InvalidValue) -> String {
        switch platform {
        case "slack": return try channelID(text)
        case "discord": return try snowflake(text)
        default: return try mattermostChannelID(text)
        }
    }

    /// A channel id for every platform with rooms: letters and digits (Slack's `C0123456789`,
    /// Mattermost's 26 lowercase letters and digits, a Discord snowflake).
    static func anyChannelID(_ text: String) throws(InvalidValue) -> String {
        if text.hasPrefix("#") || text.hasPrefix("~") {
            throw InvalidValue("\"\(text)\" is a channel name; write the channel's id (like C0123456789)")
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw InvalidValue(
                "\"\(text)\" is not a channel id (letters and digits, like C0123456789; to give each platform "
                    + "its own, write {slack: C0123456789, discord: 1234567890123456789})")
        }
        return text
    }

    /// A Mattermost channel id: 26 lowercase letters and digits.
    static func mattermostChannelID(_ text: String) throws(InvalidValue) -> String {
        guard text.utf8.count == 26, text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) else {
            throw InvalidValue(
                "\"\(text)\" is not a Mattermost channel id (26 lowercase letters and digits, like "
                    + "4xp9fdt8rbgajkidq8qcg5ghbe; not the channel's name)")
        }
        return text
    }

    /// On or off: `on`, `true`, `yes` or `1`; `off`, `false`, `no` or `0`.
    static func flag(_ text: String) throws(InvalidValue) -> Bool {
        switch text.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: throw InvalidValue("\"\(text)\" is not on or off (nor true or false)")
        }
    }
}
