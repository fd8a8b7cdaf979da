/// Slack's message markup, read on the way in: mentions, links and HTML entities.
///
/// With `should_escape` on, Slack sends everything a person typed with `&`, `<` and `>` as
/// `&amp;`, `&lt;` and `&gt;`, so every raw `<…>` in the text is Slack's own markup.
public enum SlackMarkup {
    /// The text of a command as the core reads it.
    ///
    /// - `<@U123|name>` stays; `<@U123>` becomes `<@U123|U123>` (the core's canonical mention).
    /// - `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^S1|@team>` and every other `<!…>`
    ///   stay as they are, so the core sees a group and refuses it as an owner.
    /// - `<#C123|name>` becomes `#name`; a link `<https://x|label>` or `<https://x>` becomes
    ///   `https://x`, so `postmortem done <link>` reads the address.
    /// - `&lt;`, `&gt;` and `&amp;` outside markup become `<`, `>` and `&`, once: `&amp;lt;`
    ///   becomes `&lt;`. Text a person typed as `<!channel>` therefore reaches the core as
    ///   `<!channel>` too, which the core also refuses as a group.
    public static func canonical(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += decodingEntities(rest[..<open])
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            out += canonical(markup: rest[afterOpen..<close])
            rest = rest[rest.index(after: close)...]
        }
        out += decodingEntities(rest)
        return out
    }

    /// One `<…>` element, given what lies between the brackets.
    private static func canonical(markup inside: Substring) -> String {
        let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts.first ?? ""
        let label = parts.count > 1 ? decodingEntities(parts[1]) : nil
        if target.hasPrefix("@"), target.count > 1 {
            let id = target.dropFirst()
            return "<@\(id)|\(label.flatMap { $0.isEmpty ? nil : $0 } ?? String(id))>"
        }
        if target.hasPrefix("!") || target.hasPrefix("@") { return "<\(decodingEntities(inside))>" }
        if target.hasPrefix("#") { return label.map { "#" + $0 } ?? String(target) }
        return decodingEntities(target)
    }

    /// `text` with Slack's three HTML entities turned back into characters, in one pass.
    static func decodingEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            let tail = rest[ampersand...]
            if let match = entities.first(where: { tail.hasPrefix($0.entity) }) {
                out.append(match.character)
                rest = tail.dropFirst(match.entity.count)
            } else {
                out.append("&")
                rest = tail.dropFirst()
            }
        }
        out += rest
        return out
    }

    /// The only entities Slack uses in message text.
    private static let entities: [(entity: String, character: Character)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"),
    ]
}
