import Foundation

extension SlackManifest {
    /// The manifest as YAML, the form Slack's manifest editor opens with.
    public var yaml: String { Self.yaml(tree, indent: "") }

    /// The manifest as JSON, for tools that take JSON.
    public var json: String { Self.json(tree) }

    /// The manifest's content, in the order it is written.
    private var tree: Node {
        .map([
            ("display_information", .map([("name", .string("Deputy"))])),
            (
                "features",
                .map([
                    ("bot_user", .map([("display_name", .string("Deputy")), ("always_online", .bool(true))])),
                    (
                        "slash_commands",
                        .list([
                            .map([
                                ("command", .string(command)),
                                ("url", .string(commandsURL)),
                                ("description", .string(commandDescription)),
                                ("usage_hint", .string(usageHint)),
                                ("should_escape", .bool(true)),
                            ])
                        ])
                    ),
                ])
            ),
            ("oauth_config", .map([("scopes", .map([("bot", .list(scopes.map(Node.string)))]))])),
            (
                "settings",
                .map([
                    (
                        "event_subscriptions",
                        .map([
                            ("request_url", .string(eventsURL)), ("bot_events", .list(Self.botEvents.map(Node.string))),
                        ])
                    ),
                    ("interactivity", .map([("is_enabled", .bool(true)), ("request_url", .string(interactionsURL))])),
                    ("org_deploy_enabled", .bool(false)),
                    ("socket_mode_enabled", .bool(false)),
                    ("token_rotation_enabled", .bool(false)),
                ])
            ),
        ])
    }

    /// A manifest value: enough of YAML and JSON for a manifest.
    private indirect enum Node {
        case string(String)
        case bool(Bool)
        case list([Node])
        case map([(String, Node)])
    }

    /// `node` as block YAML; strings double-quoted (JSON's escapes are YAML's), so no value can
    /// be misread.
    private static func yaml(_ node: Node, indent: String) -> String {
        switch node {
        case .string, .bool:
            return scalar(node) + "\n"
        case .list(let items):
            return items.map { item in
                let body = yaml(item, indent: indent + "  ")
                if case .map = item { return indent + "- " + body.dropFirst(indent.count + 2) }
                return indent + "- " + body
            }.joined()
        case .map(let entries):
            return entries.map { key, value in
                switch value {
                case .string, .bool: indent + key + ": " + scalar(value) + "\n"
                case .list, .map: indent + key + ":\n" + yaml(value, indent: indent + "  ")
                }
            }.joined()
        }
    }

    /// `node` as compact JSON, keys in the manifest's order.
    private static func json(_ node: Node) -> String {
        switch node {
        case .string, .bool: scalar(node)
        case .list(let items): "[" + items.map(json).joined(separator: ",") + "]"
        case .map(let entries): "{" + entries.map { quoted($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
        }
    }

    /// A string or boolean as JSON, which YAML reads the same way.
    private static func scalar(_ node: Node) -> String {
        switch node {
        case .string(let text): quoted(text)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .map: ""
        }
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) -> String {
        String(decoding: SlackEncoder.json(text), as: UTF8.self)
    }
}
