import CurlHTTP
import DeputyCore
import DeputyPostgres
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

/// Two real `deputy serve` replicas on one PostgreSQL (the test's own throwaway cluster), Slack
/// requests sent to either at random, a fake Slack taking what they post. Real processes and the
/// real clock: what is checked is what replicas do to each other, through the database.
@Suite("Two deputy serve replicas on one PostgreSQL")
struct ReplicaLiveTests {
    static let hayley = User(id: "U2", name: "hayley")

    /// The database, the fake Slack, an HTTP client and a reader of the database for `body`.
    struct Scene {
        let database: String
        let apiURL: String
        let api: FakeSlackAPI
        let client: CurlHTTPClient
        let store: PostgresStore
        /// Where the replicas' logs go.
        let logs: String

        /// Starts a replica on the scene's database; `name` names its log.
        func replica(_ name: String, port: Int? = nil) async throws -> DeputyProcess {
            let process = try DeputyProcess(
                database: database, port: try port ?? DeputyProcess.freePort(), logPath: logs + "/\(name).log",
                environment: ["SLACK_API_URL": apiURL])
            try await process.waitHealthy(client)
            return process
        }

        /// Sends `text` to `replica` as a slash command; the answer's text, or nil when the
        /// request failed or Deputy could not record it.
        func send(
            _ text: String, to replica: DeputyProcess, by user: User = LiveDaemon.alice, trigger: String? = nil
        ) async -> String? {
            let request = LiveDaemon.slashCommand(
                text, by: user, port: replica.port, responseURL: apiURL + "/respond",
                trigger: trigger ?? UUID().uuidString)
            guard let response = try? await client.send(request), response.status == 200 else { return nil }
            return response.slackText
        }

        /// Incident 1's log as the database holds it.
        func log() async throws -> [IncidentRecord] {
            try await store.log(of: IncidentID(1))?.records ?? []
        }
    }

    func withScene(_ body: @escaping @Sendable (Scene) async throws -> Void) async throws {
        let database = try TestPostgres.freshDatabase()
        let folder = try TemporaryFolder()
        let logs = folder.path
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        let store = PostgresStore(try PostgresLocation(parsing: database), logger: Logger(label: "deputy.test"))
        try await FakeSlackAPI.serving { api, apiURL in
            try await store.whileRunning {
                try await store.migrate()
                try await body(
                    Scene(database: database, apiURL: apiURL, api: api, client: client, store: store, logs: logs))
            }
        }
        withExtendedLifetime(folder) {}
    }

    @Test(
        "commands to both replicas at random: each recorded once, the log unbroken, task ids distinct; a retry on the other replica applied once"
    )
    func concurrentCommands() async throws {
        try await withScene { scene in
            let first = try await scene.replica("first")
            let second = try await scene.replica("second")
            let replicas = [first, second]
            let health = try await scene.client.send(
                HTTPClientRequest(method: "GET", url: "http://127.0.0.1:\(first.port)/healthz"))
            #expect(health.status == 200)
            #expect(String(decoding: health.body, as: UTF8.self) == "ok\nstore: postgres ok\nscheduler: running\n")
            let metrics = try await scene.client.send(
                HTTPClientRequest(method: "GET", url: "http://127.0.0.1:\(first.port)/metrics"))
            let exposed = String(decoding: metrics.body, as: UTF8.self)
            for name in [
                #"deputy_store_info{backend="postgres"} 1"#, "deputy_lease_takeovers_total",
                "deputy_deadline_claims_total", "deputy_conflicts_retried_total",
            ] {
                #expect(exposed.contains(name), "\(name) in /metrics")
            }
            #expect(
                await scene.send("declare checkout is slow sev2", to: first)?.hasPrefix("Incident declared") == true)
            #expect(await scene.send("lead", to: second)?.contains("I'm the incident commander") == true)
            // Four streams, each command to a replica picked at random.
            let answered = await withTaskGroup(of: [String].self) { group in
                for stream in 0..<4 {
                    group.addTask {
                        var mine: [String] = []
                        for n in 0..<12 {
                            let replica = replicas.randomElement()!
                            let word = "s\(stream)n\(n)x"
                            let text =
                                n.isMultiple(of: 3)
                                ? "assign <@U2|hayley> look at shard \(word) in 30m" : "note shard \(word) is fine"
                            let answer = await scene.send(text, to: replica)
                            if let answer, !answer.contains("can't record") {
                                mine.append(word)
                            } else {
                                Issue.record("\(word) not recorded: \(answer ?? "no answer")")
                            }
                        }
                        return mine
                    }
                }
                var all: [String] = []
                for await words in group { all += words }
                return all
            }
            #expect(answered.count == 48, "every command answered: \(answered.count)")
            let log = try await scene.log()
            let text = log.map { "\($0.event)" }.joined(separator: "\n")
            for word in answered {
                #expect(text.components(separatedBy: "shard \(word)").count == 2, "\(word) recorded once")
            }
            let incident = try #require(try await scene.store.loadIncidents(where: .ids([IncidentID(1)])).first)
            #expect(incident.eventCount == log.count, "the log's sequence is unbroken")
            let taskIDs = incident.tasks.map(\.id)
            #expect(taskIDs.count == 16 && Set(taskIDs).count == 16, "\(taskIDs) \(incident.tasks)")

            // Slack retries a command it thinks timed out: the retry reaches the other replica.
            let trigger = "retry-\(UUID().uuidString)"
            #expect(await scene.send("note retried once", to: first, trigger: trigger) != nil)
            _ = await scene.send("note retried once", to: second, trigger: trigger)
            let retried = try await scene.log().filter { "\($0.event)".contains("retried once") }
            #expect(retried.count == 1)
            #expect(first.stop() == 0 && second.stop() == 0)
        }
    }

    @Test(
        "a replica SIGKILLed: its timebox fires from the other within 5 s and is delivered; killed mid-stream twice, nothing answered is lost"
    )
    func killedReplica() async throws {
        try await withScene { scene in
            var first = try await scene.replica("first-0")
            let second = try await scene.replica("second")
            #expect(await scene.send("declare replica lag sev2", to: first) != nil)
            #expect(await scene.send("lead", to: second) != nil)
            let assigned = await scene.send("assign <@U2|hayley> check the replica lag in 3s", to: first)
            #expect(assigned?.contains("I'll come back to you in 3 seconds") == true, "\(assigned ?? "no answer")")
            first.killNow()
            // The follow-up the killed replica would have fired comes from the other one.
            func followUp() async throws -> IncidentRecord? {
                try await scene.log().first { record in
                    if case .nudged(.followUp) = record.event { true } else { false }
                }
            }
            #expect(try await Poll.until(within: .seconds(30)) { try await followUp() != nil })
            let task = try #require(
                try await scene.store.loadIncidents(where: .ids([IncidentID(1)])).first?.tasks.first)
            let fired = try #require(try await followUp())
            let late = fired.at.timeIntervalSince(task.dueAt)
            #expect(late >= 0 && late < 5, "the follow-up fired \(late) s after its timebox")
            // And it reaches the channel, once the killed replica's lease on it has run out.
            #expect(
                try await Poll.until(within: .seconds(40)) {
                    scene.api.calls.contains { $0.text?.contains("Do you have any information on T1") == true }
                })

            // Kills mid-stream: every command either replica answered is in the log.
            var answered: [String] = []
            for round in 1...2 {
                first = try await scene.replica("first-\(round)")
                let replicas = [first, second]
                let killed = first
                let words = await withTaskGroup(of: [String].self) { group in
                    for stream in 0..<3 {
                        group.addTask {
                            var mine: [String] = []
                            for n in 0..<40 {
                                let word = "k\(round)s\(stream)n\(n)x"
                                let replica = replicas.randomElement()!
                                // A responder per stream: each stays inside one person's command limit.
                                let user = User(id: "U1\(stream)", name: "responder\(stream)")
                                let answer = await scene.send("note reading \(word) now", to: replica, by: user)
                                // Only an answer that says it was recorded counts; a killed
                                // replica's requests fail, which the sender sees.
                                guard answer?.contains("Noted on the timeline.") == true else { continue }
                                mine.append(word)
                                if stream == 0, n == 10 { killed.killNow() }
                            }
                            return mine
                        }
                    }
                    var all: [String] = []
                    for await words in group { all += words }
                    return all
                }
                answered += words
            }
            let text = try await scene.log().map { "\($0.event)" }.joined(separator: "\n")
            let lost = answered.filter { !text.contains("reading \($0) now") }
            #expect(lost.isEmpty, "answered but not in the log: \(lost)")
            #expect(answered.count >= 2 * 3 * 20, "most commands answered: \(answered.count)")
            #expect(second.stop() == 0)
            // A message posted twice is only one a replica sent and died before recording: at most
            // one per kill (one channel, one send in flight at a time).
            let posted = scene.api.calls.filter { $0.method == "chat.postMessage" }.compactMap(\.text)
            let repeats = posted.count - Set(posted).count
            #expect(repeats <= 3, "\(repeats) messages posted twice over 3 kills")
        }
    }
}
