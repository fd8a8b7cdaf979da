import DeputyCore
import Yams

extension AlertRoutesLoader {
    /// The keys a route may have.
    static let routeKeys = ["name", "match", "channel", "action", "severity"]
    /// The keys a channel may have.
    static let channelKeys = ["platform", "team", "channel"]
    /// The longest route name.
    static let nameLimit = 64

    /// The route in `entry` (the `index`th of the list, from 0) and the node of its `name:`, if
    /// it has one; nil when anything in it is wrong (every problem reported).
    static func route(_ entry: ConfigEntry, index: Int, reader: ConfigReader) -> (AlertRoute, Node?)? {
        guard let section = reader.section(entry, known: routeKeys) else { return nil }
        let before = reader.problems.count
        func required(_ key: String, _ what: String) -> ConfigEntry? {
            guard let found = section[key] else {
                reader.report(entry.path, "\(key) is missing: \(what)", at: entry.value)
                return nil
            }
            return found
        }
        let match = required("match", "the labels an alert must carry, like {alertname: CheckoutLatencyHigh}")
            .flatMap { labels($0, reader: reader) }
        let channel = required("channel", "where the alert goes, like {platform: slack, team: T0123, channel: C0123}")
            .flatMap { self.channel($0, reader: reader) }
        let action = required("action", "note, offer or declare").flatMap { self.action($0, reader: reader) }
        var severity: Severity?
        if let given = section["severity"] {
            severity = self.severity(given, reader: reader)
            if let action, action == .note {
                reader.report(
                    given.path, "a note declares nothing; only offer and declare take a severity", at: given.keyNode)
            }
        }
        var name: String? = AlertRoute.defaultName(index: index)
        if let given = section["name"] { name = self.name(given, reader: reader) }
        guard reader.problems.count == before, let match, let channel, let action, let name else { return nil }
        let route = AlertRoute(name: name, match: match, channel: channel, action: action, severity: severity)
        return (route, section["name"]?.value)
    }

    /// `match`: a mapping of label names to the text each must equal; nil (reported) when empty or
    /// when a value is not a single piece of text.
    private static func labels(_ entry: ConfigEntry, reader: ConfigReader) -> [String: String]? {
        guard let section = reader.section(entry, known: nil) else { return nil }
        guard !section.entries.isEmpty || !(entry.value.mapping?.isEmpty ?? true) else {
            reader.report(
                entry.path, "empty: a route matches alerts by at least one label (default: takes the rest)",
                at: entry.value.isEmptyValue ? entry.keyNode : entry.value)
            return nil
        }
        var labels: [String: String] = [:]
        for item in section.entries {
            guard case .scalar(let scalar) = item.value, !item.value.isEmptyValue else {
                reader.report(
                    item.path,
                    "expected the label's value as text, found \(item.value.kind) (write one route per "
                        + "value)", at: item.value)
                continue
            }
            labels[item.key] = scalar.string
        }
        return labels
    }

    /// A channel: `{platform, team, channel}`; the generic webhook has no teams, so `team` is left
    /// out for it. Nil (reported) when anything is missing or wrong.
    static func channel(_ entry: ConfigEntry, reader: ConfigReader) -> ChannelKey? {
        guard entry.value.mapping != nil else {
            reader.report(
                entry.path, "expected {platform: …, team: …, channel: …}, found \(entry.value.kind)", at: entry.value)
            return nil
        }
        guard let section = reader.section(entry, known: channelKeys) else { return nil }
        func text(_ key: String, _ what: String) -> (String, Node)? {
            guard let found = section[key] else {
                reader.report(entry.path, "\(key) is missing: \(what)", at: entry.value)
                return nil
            }
            return reader.scalar(found, expected: what).map { ($0, found.value) }
        }
        let platformList = platforms.joined(separator: ", ")
        guard let (platformText, platformNode) = text("platform", "one of \(platformList)") else { return nil }
        let platform = platformText.lowercased()
        guard platforms.contains(platform) else {
            reader.report(
                "\(entry.path).platform", "\"\(platformText)\" is not a platform (expected one of \(platformList))",
                at: platformNode)
            return nil
        }
        guard let (channel, channelNode) = text("channel", "the channel's id as \(platform) shows it") else {
            return nil
        }
        guard !channel.hasPrefix("#") else {
            reader.report(
                "\(entry.path).channel",
                "\"\(channel)\" is a channel name; write the channel's id as \(platform) "
                    + "shows it (like C0123456789 on Slack)", at: channelNode)
            return nil
        }
        guard platform != "generic" else {
            if let team = section["team"], !team.value.isEmptyValue {
                reader.report(team.path, "the generic webhook has no teams; leave team out", at: team.keyNode)
                return nil
            }
            return ChannelKey(platform: platform, team: genericTeam, channel: channel)
        }
        guard let (team, _) = text("team", "the workspace, team, server or tenant id the channel is in") else {
            return nil
        }
        return ChannelKey(platform: platform, team: team, channel: channel)
    }

    /// The one team of the generic webhook (as `GenericCommand` keys its channels).
    static let genericTeam = ""

    /// `action`: note, offer or declare; nil (reported) otherwise.
    private static func action(_ entry: ConfigEntry, reader: ConfigReader) -> AlertAction? {
        guard let text = reader.scalar(entry, expected: "note, offer or declare") else { return nil }
        guard let action = AlertAction(rawValue: text.lowercased()) else {
            reader.report(entry.path, "unknown action \"\(text)\" (expected note, offer or declare)", at: entry.value)
            return nil
        }
        return action
    }

    /// `severity`: `2`, `sev2` or `SEV-2`; nil (reported) otherwise.
    private static func severity(_ entry: ConfigEntry, reader: ConfigReader) -> Severity? {
        guard let text = reader.scalar(entry, expected: "a severity, 1 to 5") else { return nil }
        guard let severity = Severity(parsing: text) else {
            reader.report(entry.path, "\"\(text)\" is not a severity (use 1 to 5, or sev1 to sev5)", at: entry.value)
            return nil
        }
        return severity
    }

    /// `name`: 1 to 64 letters, digits, `-`, `_` and `.`; nil (reported) otherwise.
    private static func name(_ entry: ConfigEntry, reader: ConfigReader) -> String? {
        guard let text = reader.scalar(entry, expected: "a name like checkout-latency") else { return nil }
        guard (1...nameLimit).contains(text.count),
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else {
            reader.report(
                entry.path, "\"\(text)\" is not a route name (1 to \(nameLimit) letters, digits, -, _ and .)",
                at: entry.value)
            return nil
        }
        return text
    }
}
