import DeputyCore
import Foundation

/// Teams' message markup: the HTML-ish `text` of an incoming activity read into a command, and
/// how Deputy mentions people and echoes what they typed.
public enum TeamsMarkup {
    /// A `mention` entity of an activity: which `<at>…</at>` element names which person.
    public struct Mention: Sendable, Hashable {
        /// The element exactly as it appears in the text: `<at>Hayley</at>`.
        public var text: String
        /// The person: a `29:…` id and their display name.
        public var user: User

        /// A mention of `user` written as `text`.
        public init(text: String, user: User) {
            self.text = text
            self.user = user
        }

        /// The mention an activity entity describes; nil for other entities or missing parts.
        init?(_ entity: TeamsActivity.Entity) {
            guard entity.type == "mention", let text = entity.text, let id = entity.mentioned?.id, !id.isEmpty
            else { return nil }
            let name = entity.mentioned?.name.flatMap { $0.isEmpty ? nil : $0 } ?? id
            self.init(text: text, user: User(id: id, name: name))
        }
    }

    /// The command in an activity's `text`, as the core reads it.
    ///
    /// What comes before and in the first `<at>…</at>` (Deputy's own mention) is dropped; every
    /// other `<at>…</at>` becomes the canonical `<@id|name>` of its entity, or `@name` when no
    /// entity names it. Other tags are dropped (block tags leave a space), entities are decoded
    /// once (`&lt;at&gt;` stays text, never a mention), whitespace is collapsed, and a leading
    /// `/ic` word is dropped.
    public static func command(in text: String, mentions: [Mention]) -> String {
        var out = ""
        var rest = Substring(text)
        var sawDeputy = false
        while let open = rest.firstIndex(of: "<") {
            out += decodingEntities(rest[..<open])
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let name = tagName(rest[rest.index(after: open)..<close])
            let afterTag = rest.index(after: close)
            if name == "at", let end = rest[afterTag...].range(of: "</at>", options: .caseInsensitive) {
                if sawDeputy {
                    let element = String(rest[open..<end.upperBound])
                    let inner = decodingEntities(rest[afterTag..<end.lowerBound])
                    out += " " + canonical(element: element, inner: inner, mentions: mentions) + " "
                } else {
                    sawDeputy = true
                    out = ""
                }
                rest = rest[end.upperBound...]
                continue
            }
            if blockTags.contains(name) { out += " " }
            rest = rest[afterTag...]
        }
        out += decodingEntities(rest)
        var words = out.split(whereSeparator: \.isWhitespace)
        if let first = words.first, first.lowercased() == "/ic" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A user as Teams mentions them: `<at>name</at>` for a Teams account (which the message's
    /// mention entities make a real mention), escaped `@name` for anyone else, so no id or name
    /// can smuggle markup in.
    public static func mention(_ user: User) -> String {
        isAccountID(user.id) ? "<at>\(escape(user.name))</at>" : escape("@" + user.name)
    }

    /// Text a person typed, made safe to echo: `&`, `<` and `>` become `&amp;`, `&lt;` and
    /// `&gt;`, so no one can write `<at>` mentions or HTML into Deputy's words.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        // A canonical <@id|name> someone's text carried shows as @name, not as escaped markup.
        for character in EchoedText.escape(text, crowdWords: [], mention: { _, name in "@\(name)" }) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether `id` is an account Teams can mention: a Bot Framework user id (`29:…`), an
    /// `8:orgid:…` id, or a Microsoft Entra object id (a GUID). A person named with a plain
    /// `@name` has none of these, and is written, not mentioned.
    public static func isAccountID(_ id: String) -> Bool {
        if id.hasPrefix("29:") || id.hasPrefix("8:orgid:") {
            return id.utf8.count > 3 && !id.contains(where: \.isWhitespace)
        }
        return UUID(uuidString: id) != nil
    }

    /// The mention entities for the people mentioned in `text`: one for each distinct
    /// `<at>…</at>` written by `mention(_:)` for `users`.
    public static func entities(for users: [User], in text: String) -> [Mention] {
        var seen: Set<String> = []
        var found: [Mention] = []
        for user in users where isAccountID(user.id) {
            let element = mention(user)
            guard text.contains(element), seen.insert(element).inserted else { continue }
            found.append(Mention(text: element, user: user))
        }
        return found
    }

    /// The core's canonical form for an `<at>` element: its entity's `<@id|name>`, else `@name`.
    private static func canonical(element: String, inner: String, mentions: [Mention]) -> String {
        let match =
            mentions.first { $0.text == element }
            ?? mentions.first { $0.user.name == inner.trimmingCharacters(in: .whitespaces) }
        let name = inner.filter { !"<>|".contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let user = match?.user, !user.id.contains(where: { $0.isWhitespace || "<>@|".contains($0) }) else {
            return "@" + name.replacingOccurrences(of: " ", with: "")
        }
        let shown = user.name.filter { !"<>|".contains($0) }.split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        return "<@\(user.id)|\(shown.isEmpty ? name : shown)>"
    }

    /// The lower-cased name of a tag given what lies between its brackets (`/p`, `br /`, `at`).
    private static func tagName(_ inside: Substring) -> String {
        let body = inside.drop { $0 == "/" || $0.isWhitespace }
        return body.prefix { $0.isLetter || $0.isNumber }.lowercased()
    }

    /// Tags that end a line or a block: where words on either side must stay apart.
    private static let blockTags: Set<String> = ["p", "div", "br", "li", "ul", "ol", "tr", "td", "blockquote"]

    /// `text` with HTML's named entities Teams uses and every numeric one turned into characters.
    /// An unknown or invalid entity stays as it was written.
    static func decodingEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            let tail = rest[ampersand...]
            guard let semicolon = tail.prefix(12).firstIndex(of: ";"),
                let character = character(for: tail[tail.index(after: ampersand)..<semicolon])
            else {
                out.append("&")
                rest = tail.dropFirst()
                continue
            }
            out.append(character)
            rest = tail[tail.index(after: semicolon)...]
        }
        return out + rest
    }

    /// The character an entity's name (`amp`, `#39`, `#x27`) stands for, or nil.
    private static func character(for name: Substring) -> Character? {
        if let named = namedEntities[String(name)] { return named }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return Character(scalar)
    }

    /// The named entities Teams writes in message text.
    private static let namedEntities: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]
}

extension RenderStyle {
    /// Teams' way of showing things: people as `<at>name</at>` (the message's entities make them
    /// mentions), and echoed text escaped by `TeamsMarkup.escape`.
    public static func teams(timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> RenderStyle {
        RenderStyle(mention: TeamsMarkup.mention, escape: TeamsMarkup.escape, timeZone: timeZone)
    }
}
