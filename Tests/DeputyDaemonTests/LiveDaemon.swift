import CurlHTTP
import DeputyChat
import DeputyConfig
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import Testing

@testable import DeputyDaemon

extension Daemon {
    /// The SQLite store the live tests run on, to look inside it.
    var sqlite: SQLiteStore {
        get throws { try #require(store as? SQLiteStore) }
    }
}

/// A whole daemon, built as `deputy serve` builds it, listening on a free port of 127.0.0.1: the
/// data file, Slack's secrets and Slack's address come through the environment, time from a
/// manual clock. Its service group runs in a task until `stop()` shuts it down gracefully.
struct LiveDaemon {
    static let signingSecret = "live-daemon-signing-secret"
    static let botToken = "xoxb-live-daemon"
    static let alice = User(id: "U1", name: "alice")

    let daemon: Daemon
    let group: ServiceGroup
    let running: Task<Void, any Error>
    /// The port the server listens on.
    let port: Int
    /// Sends the test's requests to the server.
    let client: CurlHTTPClient
    /// Where the fake Slack takes `response_url` posts: its `respond` method.
    let responseURL: String

    /// Opens the store at `database`, builds the daemon around it with Slack's API at `apiURL`
    /// and the settings file `yaml`, runs its service group and returns once the server is
    /// listening.
    static func start(
        database: String, apiURL: String, time: ManualTimeSource, transport: any HTTPTransport,
        client: CurlHTTPClient, slack: Bool = true, environment extra: [String: String] = [:],
        yaml: String = "host: 127.0.0.1\n", logger given: Logger? = nil, alertRouting: AlertRouting = AlertRouting()
    ) async throws -> LiveDaemon {
        var environment = ["DEPUTY_DATABASE": database]
        if slack {
            environment["SLACK_SIGNING_SECRET"] = signingSecret
            environment["SLACK_BOT_TOKEN"] = botToken
            environment["SLACK_API_URL"] = apiURL
        }
        environment.merge(extra) { $1 }
        var settings = try DaemonSettingsLoader.load(
            yaml: yaml, file: "live-daemon.yaml", environment: environment)
        settings.port = 0  // Any free port (the loader takes 1 to 65535 only).
        var logger = given ?? Logger(label: "live-daemon")
        if given == nil { logger.logLevel = .notice }
        let daemon = try await Daemon(
            .init(
                settings: settings, rules: try RulesLoader.load(path: Fixtures.path("Config/rules.yaml")),
                phrasebook: try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml")),
                store: SQLiteStore(try DeputyStore.open(path: settings.database)), time: time, transport: transport,
                logger: logger, registry: PrometheusCollectorRegistry(), alertRouting: alertRouting))
        let (ports, found) = AsyncStream.makeStream(of: Int.self)
        let group = daemon.serviceGroup { port in
            found.yield(port)
            found.finish()
        }
        let running = Task {
            defer { found.finish() }
            try await group.run()
        }
        var listening: Int?
        for await port in ports {
            listening = port
            break
        }
        guard let port = listening else {
            try await running.value
            throw LiveDaemonError.serverDidNotStart
        }
        return LiveDaemon(
            daemon: daemon, group: group, running: running, port: port, client: client,
            responseURL: apiURL + "/respond")
    }

    /// Posts `/ic <text>` from `user` in `channel` (C1 unless given) as Slack does: a form, signed
    /// with the signing secret at the real clock's time (signature freshness never uses the manual one).
    func command(_ text: String, by user: User = alice, in channel: String = "C1") async throws -> HTTPClientResponse {
        try await client.send(
            Self.slashCommand(text, by: user, in: channel, port: port, responseURL: responseURL))
    }

    /// The request Slack sends for `/ic <text>` from `user` in `channel` to a server on `port`.
    static func slashCommand(
        _ text: String, by user: User = alice, in channel: String = "C1", port: Int, responseURL: String,
        trigger: String = UUID().uuidString
    ) -> HTTPClientRequest {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let fields = [
            ("token", "verification-token"), ("team_id", "T1"), ("team_domain", "example"), ("channel_id", channel),
            ("channel_name", "incident"), ("user_id", user.id), ("user_name", user.name), ("command", "/ic"),
            ("text", text), ("response_url", responseURL), ("trigger_id", trigger), ("api_app_id", "A1"),
        ]
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let signature = SlackSignature(signingSecret: signingSecret)
            .signature(body: Data(body.utf8), timestamp: timestamp)
        return HTTPClientRequest(
            method: "POST", url: "http://127.0.0.1:\(port)\(SlackManifest.commandsPath)",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"),
                (SlackSignature.timestampHeader, timestamp), (SlackSignature.signatureHeader, signature),
            ],
            body: Array(body.utf8), connectTimeout: .seconds(5), totalTimeout: .seconds(30))
    }

    /// Sends `method` to `path` of the server, with `body` as JSON when given.
    func request(
        _ method: String, _ path: String, body: String? = nil, headers: [(String, String)] = []
    ) async throws -> HTTPClientResponse {
        try await client.send(
            HTTPClientRequest(
                method: method, url: "http://127.0.0.1:\(port)\(path)",
                headers: [("Content-Type", "application/json")] + headers, body: body.map { Array($0.utf8) } ?? [],
                connectTimeout: .seconds(5), totalTimeout: .seconds(30)))
    }

    /// How many messages the outbox holds undelivered.
    /// Whether every loop is asleep on the manual clock (the scheduler, delivery, housekeeping)
    /// and no send is under way: nothing moves until the clock does or a request comes.
    func isIdle(_ time: ManualTimeSource) async -> Bool {
        let sending = await daemon.delivery.sendingCount
        return time.sleeperCount == 3 && sending == 0
    }

    func pendingCount() async throws -> Int {
        try await daemon.sqlite.run { try $0.pendingCount() }
    }

    /// Shuts the service group down gracefully, as SIGTERM does, and waits until its run ends;
    /// rethrows what the run threw.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }
}

extension LiveDaemon {
    /// Runs `body` with a daemon on a new data file in a temporary folder: Slack off unless
    /// `slack`, the platforms `environment` sets on, time from `time`, deliveries through a client
    /// of their own (whose requests wait at most `timeout`, when given). The daemon is stopped gracefully afterwards, whether `body` threw or not, and
    /// the folder removed.
    static func running(
        environment: [String: String] = [:], slack: Bool = false, apiURL: String = "http://127.0.0.1:1/api",
        time: ManualTimeSource = ManualTimeSource(start: Fixtures.start), yaml: String = "host: 127.0.0.1\n",
        logger: Logger? = nil, database: String? = nil, timeout: Duration? = nil,
        alertRouting: AlertRouting = AlertRouting(), _ body: (LiveDaemon) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder()
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        let curl = try CurlHTTPClient()
        defer { curl.shutdown() }
        let transport: any HTTPTransport = timeout.map { TimeoutCap(transport: curl, total: $0) } ?? curl
        let live = try await start(
            database: database ?? folder.file("deputy.sqlite"), apiURL: apiURL, time: time, transport: transport,
            client: client,
            slack: slack, environment: environment, yaml: yaml, logger: logger, alertRouting: alertRouting)
        do {
            try await body(live)
        } catch {
            try? await live.stop()
            throw error
        }
        try await live.stop()
    }
}

/// Why a `LiveDaemon` could not be started.
enum LiveDaemonError: Error {
    /// The service group ended before the server said it was listening.
    case serverDidNotStart
}

extension HTTPClientResponse {
    /// The `text` of a Slack JSON answer.
    var slackText: String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return object?["text"] as? String
    }

    /// The `response_type` of a Slack JSON answer: `in_channel` or `ephemeral`.
    var slackResponseType: String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return object?["response_type"] as? String
    }
}
