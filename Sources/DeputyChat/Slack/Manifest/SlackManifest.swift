import Foundation

/// The Slack app manifest that sets Deputy up in a workspace: paste it into "Create New App ›
/// From a manifest". It names the bot Deputy, points the `/ic` command, interactivity and
/// events at Deputy's public address, and asks for the three scopes Deputy needs, and those
/// incident rooms need when they are on.
public struct SlackManifest: Hashable, Sendable {
    /// Where Deputy's server takes slash commands, below the public URL.
    public static let commandsPath = "/slack/commands"
    /// Where it takes button presses and menu choices.
    public static let interactionsPath = "/slack/interactions"
    /// Where it takes Events API posts.
    public static let eventsPath = "/slack/events"
    /// The bot scopes: run commands, post, and post in channels the bot has not joined.
    public static let botScopes = ["commands", "chat:write", "chat:write.public"]
    /// The bot scopes incident rooms need: create, invite to and archive public channels, join
    /// them, pin the status card, post.
    public static let roomScopes = ["channels:manage", "channels:join", "pins:write", "chat:write"]
    /// The bot scope private rooms need as well: create, invite to and archive private channels.
    public static let privateRoomScopes = ["groups:write"]
    /// The events subscribed to; neither needs a scope, and both are only acknowledged.
    public static let botEvents = ["app_uninstalled", "tokens_revoked"]

    /// The bot scopes: `botScopes`, and with `rooms` the room scopes it lacks (with
    /// `privateRooms`, the private ones too).
    public static func botScopes(rooms: Bool, privateRooms: Bool) -> [String] {
        guard rooms else { return botScopes }
        let needed = roomScopes + (privateRooms ? privateRoomScopes : [])
        return botScopes + needed.filter { !botScopes.contains($0) }
    }

    /// The public base address, `https://HOST[:PORT][/PREFIX]`, without a trailing slash.
    public var baseURL: String
    /// The slash word.
    public var command: String
    /// The command's one-line description in Slack's command list.
    public var commandDescription: String
    /// The hint Slack shows after the slash word while typing.
    public var usageHint: String
    /// Whether incident rooms are on, so the bot asks for their scopes.
    public var rooms: Bool
    /// Whether the rooms are private channels, so the bot asks for `groups:write` too.
    public var privateRooms: Bool

    /// A manifest for Deputy served at `publicURL`, with the room scopes when `rooms` is on
    /// (private ones with `privateRooms`). The texts default to English; an administrator reads
    /// them once, at install time.
    ///
    /// Throws `invalidPublicURL` unless the URL is `https://` with a host, and no query,
    /// fragment or credentials.
    public init(
        publicURL: String, command: String = "/ic",
        commandDescription: String = "Run an incident with Deputy, the incident commander's deputy",
        usageHint: String = "declare <title> | assign @who <task> | status | help", rooms: Bool = false,
        privateRooms: Bool = false
    ) throws(SlackError) {
        self.baseURL = try Self.validated(publicURL)
        self.command = command
        self.commandDescription = commandDescription
        self.usageHint = usageHint
        self.rooms = rooms
        self.privateRooms = privateRooms
    }

    /// `publicURL` checked and without its trailing slashes.
    private static func validated(_ publicURL: String) throws(SlackError) -> String {
        func invalid(_ reason: String) -> SlackError { .invalidPublicURL(publicURL, reason: reason) }
        let trimmed = publicURL.trimmingCharacters(in: .whitespaces)
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme else {
            throw invalid("it is not a URL; write it as https://HOST")
        }
        guard scheme.lowercased() == "https" else { throw invalid("Slack only calls https:// addresses") }
        guard let host = parts.host, !host.isEmpty else { throw invalid("it has no host; write it as https://HOST") }
        guard parts.query == nil, parts.fragment == nil else { throw invalid("it must not have a query or fragment") }
        guard parts.user == nil, parts.password == nil else { throw invalid("it must not hold credentials") }
        var base = trimmed
        while base.hasSuffix("/") { base.removeLast() }
        return "https://" + base.dropFirst(scheme.count + 3)
    }

    /// The slash command's full address.
    public var commandsURL: String { baseURL + Self.commandsPath }
    /// The interactivity request URL.
    public var interactionsURL: String { baseURL + Self.interactionsPath }
    /// The Events API request URL.
    public var eventsURL: String { baseURL + Self.eventsPath }
    /// The bot scopes this manifest asks for.
    public var scopes: [String] { Self.botScopes(rooms: rooms, privateRooms: privateRooms) }
}
