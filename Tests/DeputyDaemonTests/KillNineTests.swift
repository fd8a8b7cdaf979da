import CurlHTTP
import DeputyCore
import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyStore

/// The fast case of the crash harness (bench/faults/crash.sh runs 50 kills with timers): the
/// real `deputy serve`, killed with SIGKILL while commands are in flight, three times.
@Suite("deputy serve killed with SIGKILL mid-stream: nothing it answered is lost")
struct KillNineTests {
    /// The answers that said a command was recorded, and how many this round.
    actor Answers {
        var recorded: [String] = []
        var thisRound = 0

        /// Notes an answered command; returns how many this round.
        func add(_ word: String) -> Int {
            recorded.append(word)
            thisRound += 1
            return thisRound
        }

        func newRound() { thisRound = 0 }
    }

    @Test("three kills while notes are in flight; each restart checks the file; every answered note is in the log")
    func killsLoseNothingAnswered() async throws {
        let folder = try TemporaryFolder()
        let database = folder.file("deputy.sqlite")
        let port = try DeputyProcess.freePort()
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        let answers = Answers()
        let kills = 3
        for round in 0...kills {
            let server = try DeputyProcess(database: database, port: port, logPath: folder.file("serve-\(round).log"))
            try await server.waitHealthy(client)
            if round == 0 {
                for text in ["declare checkout is failing sev2", "lead"] {
                    let response = try await client.send(
                        LiveDaemon.slashCommand(text, port: port, responseURL: "http://127.0.0.1:1/respond"))
                    #expect(response.status == 200)
                }
            } else {
                #expect(server.log.contains("did not close the data file"), "round \(round): \(server.log)")
            }
            guard round < kills else {
                #expect(server.stop() == 0, "a SIGTERM after the kills stops it cleanly")
                break
            }
            await answers.newRound()
            // Four streams of notes; the kill comes as the 12th answer of the round arrives, with
            // the other streams' requests in flight.
            await withTaskGroup(of: Void.self) { group in
                for stream in 0..<4 {
                    group.addTask {
                        for n in 0..<1_000 {
                            let word = "kill\(round)s\(stream)n\(n)"
                            let request = LiveDaemon.slashCommand(
                                "note reading \(word) of the replica lag", port: port,
                                responseURL: "http://127.0.0.1:1/respond")
                            guard let response = try? await client.send(request) else { return }
                            guard response.status == 200, !(response.slackText ?? "").contains("can't record") else {
                                continue
                            }
                            if await answers.add(word) == 12 { server.killNow() }
                        }
                    }
                }
            }
        }

        let store = try DeputyStore.openForReading(path: database)
        let log = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT event FROM event") }.joined()
        let answered = await answers.recorded
        #expect(answered.count >= 12 * kills)
        let lost = answered.filter { !log.contains($0 + " ") }
        #expect(lost.isEmpty, "answered, then lost in a kill: \(lost)")
    }
}
