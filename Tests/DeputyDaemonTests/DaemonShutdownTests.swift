import CurlHTTP
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// SIGTERM, as the service group's graceful shutdown: stop accepting, finish in-flight requests,
/// let delivery try what is due, close the store, end without error.
@Suite("The daemon, live: graceful shutdown")
struct DaemonShutdownTests {
    @Test("a graceful shutdown delivers what is due, closes the store, and the run ends without error")
    func gracefulShutdown() async throws {
        try await FakeSlackAPI.serving { slack, apiURL in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deputy-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = folder.appendingPathComponent("deputy.sqlite").path
            let time = ManualTimeSource(start: Fixtures.start)
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let transport = try CurlHTTPClient()
            defer { transport.shutdown() }
            let daemon = try await LiveDaemon.start(
                database: database, apiURL: apiURL, time: time, transport: transport, client: client)
            let declared = try await daemon.command("declare checkout is slow sev2")
            #expect(declared.status == 200)
            #expect(declared.slackText?.hasPrefix("Incident declared: checkout is slow.") == true)
            // Quiet: the scheduler (the IC-claim ask at 3 minutes), delivery and housekeeping
            // asleep on the clock, which the test does not move, and no send under way whose end
            // would wake delivery.
            #expect(await Poll.until { await daemon.isIdle(time) })

            // A message due now that delivery has not been told about: only its last pass can send it.
            let now = time.now
            let message = OutgoingMessage(
                channel: ChannelKey(platform: "slack", team: "T1", channel: "C1"), incident: IncidentID(1),
                reply: .channel(.decisionRecorded, ["text": .text("roll back the deploy")]), createdAt: now)
            _ = try await daemon.daemon.sqlite.run { store in
                try store.commit([
                    Commit(
                        at: now, messages: [Commit.Message(message, notBefore: now, expiresAt: now + 3600)])
                ])
            }
            let decisions = { slack.calls.filter { $0.text == "Decision recorded: roll back the deploy" } }
            #expect(decisions().isEmpty)

            try await daemon.stop()
            #expect(decisions().count == 1, "delivery's last pass sent what was due")
            #expect(decisions().first?.method == "chat.postMessage")
            #expect(time.sleeperCount == 0, "every loop has ended")
            await #expect(throws: CurlError.self, "the server accepts no more") {
                try await daemon.command("status")
            }
            // The store is closed and its lock let go, though the stopped daemon is still in hand:
            // a new store opens the file and finds the message delivered.
            let reopened = try DeputyStore.open(path: database)
            #expect(try reopened.pendingCount() == 0)
            #expect(try reopened.deadLetters(limit: 10).isEmpty)
            #expect(try reopened.incident(IncidentID(1))?.title == "checkout is slow")
            #expect(throws: (any Error).self, "the stopped daemon's store is closed") {
                try daemon.daemon.sqlite.database.pendingCount()
            }
        }
    }
}
