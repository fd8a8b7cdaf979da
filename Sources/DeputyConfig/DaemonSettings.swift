import DeputyCore
import Foundation

/// How the daemon runs: where it listens, where its files are, how it reaches the chat platforms
/// and how long it keeps trying to deliver. Loaded by `DaemonSettingsLoader` from
/// `Config/deputy.yaml` and the environment; every value has a default that is safe on one machine.
public struct DaemonSettings: Sendable, Equatable {
    /// The address the HTTP server binds to. The default listens on this machine only.
    public var host = "127.0.0.1"
    /// The TCP port the HTTP server listens on, 1 to 65535.
    public var port = 8080
    /// The `https` address the chat platforms reach Deputy at (behind a proxy or a tunnel), when
    /// known: used to print the platform's setup (request URLs). `http` only for a loopback host.
    public var publicURL: String?
    /// Where the incident log and the outbox are kept: an SQLite file's path (one machine), or a
    /// `postgres://user@host:port/database?sslmode=…` address (replicas on one PostgreSQL).
    public var database = "data/deputy.sqlite"
    /// The PostgreSQL password (`DEPUTY_DATABASE_PASSWORD` or its `_FILE` form), which wins over
    /// one written in the `DEPUTY_DATABASE` address.
    public var databasePassword: Secret?

    /// Whether `database` names PostgreSQL rather than an SQLite file.
    public var usesPostgres: Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// `database` as it may be logged: a PostgreSQL address without its password.
    public var databaseForLog: String {
        guard usesPostgres, var address = URLComponents(string: database), address.password != nil else {
            return database
        }
        address.password = nil
        return address.string ?? "postgres://<unreadable address>"
    }
    /// The rules file (`Config/rules.yaml`).
    public var rulesPath = "Config/rules.yaml"
    /// The phrasebook (`Phrasebook/en.yaml`).
    public var phrasebookPath = "Phrasebook/en.yaml"
    /// The drill scenarios' folder (`Config/drills`), which may be absent unless named.
    public var drills = Drills()
    /// Slack: its secrets and where its API is.
    public var slack = Slack()
    /// The generic webhook: its token and where unprompted messages are posted.
    public var generic = Generic()
    /// Mattermost: the slash command's token and how Deputy posts.
    public var mattermost = Mattermost()
    /// Discord: the application's public key, the bot's token, where its API is.
    public var discord = Discord()
    /// Microsoft Teams: the outgoing webhook's token and the Workflows webhooks Deputy posts to.
    public var teams = Teams()
    /// How long and how fast the outbox delivers, and how long delivery records are kept.
    public var delivery = Delivery()
    /// How many commands a person and a channel may give per minute.
    public var limits = Limits()
    /// The workspaces and channels commands may come from; everywhere by default.
    public var allow = Allow()
    /// The timeline page's signed links: how long they are valid, and their secret.
    public var links = Links()
    /// The largest request body the server accepts, in bytes; larger requests are refused unread.
    public var maxBodyBytes = 65536
    /// `/ic page`: the services it pages, how, and when an unacknowledged page is raised.
    public var paging = Paging()
    /// Alerts in: Alertmanager's token, the alert routes' body limit, the routes file.
    public var alerts = Alerts()
    /// Incident rooms: a channel (or Discord thread) per incident; off by default.
    public var rooms = Rooms()

    /// The defaults.
    public init() {}

    /// Whether Slack is switched on: both its signing secret and its bot token are set.
    public var slackEnabled: Bool {
        slack.signingSecret != nil && slack.botToken != nil
    }

    /// What is worth telling the operator but does not stop Deputy: each paging service left out
    /// because its variable is unset, and rooms that some or every platform will not open.
    /// `deputy check` prints them; the daemon logs them.
    public var warnings: [ConfigError.Problem] {
        paging.warnings + rooms.warnings
    }

    /// Whether `host` is reachable from this machine only: `127.0.0.0/8`, `::1` or `localhost`.
    public var isLoopback: Bool {
        Self.isLoopback(host: host)
    }
}
