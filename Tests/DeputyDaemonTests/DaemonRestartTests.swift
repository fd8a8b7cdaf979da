import CurlHTTP
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The whole daemon over real HTTP, stopped and started again on the same data file: only the
/// round trips are real; every wait for a timer is on the manual clock.
@Suite("The daemon, live: a restart over HTTP")
struct DaemonRestartTests {
    @Test("a deadline passes while the daemon is stopped; after start-up the nudge is sent once")
    func nudgeAfterRestart() async throws {
        try await FakeSlackAPI.serving { slack, apiURL in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deputy-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = folder.appendingPathComponent("deputy.sqlite").path
            let time = ManualTimeSource(start: Fixtures.start)
            let client = try CurlHTTPClient()
            defer { client.shutdown() }
            let transport = try CurlHTTPClient()
            defer { transport.shutdown() }
            let followUps = { slack.calls.filter { $0.text?.contains("it's been") == true } }

            // Before the stop: an incident, its commander, and hayley's task with a 10-minute timebox.
            do {
                let first = try await LiveDaemon.start(
                    database: database, apiURL: apiURL, time: time, transport: transport, client: client)
                let declared = try await first.command("declare checkout is slow sev2")
                #expect(declared.status == 200)
                #expect(declared.slackResponseType == "in_channel")
                #expect(declared.slackText?.hasPrefix("Incident declared: checkout is slow.") == true)
                let lead = try await first.command("lead")
                #expect(lead.status == 200)
                #expect(lead.slackText?.contains("My name is <@U1>, I'm the incident commander.") == true)
                let assigned = try await first.command("assign <@U2|hayley> investigate the latency in 10m")
                #expect(assigned.status == 200)
                #expect(
                    assigned.slackText?.hasPrefix(
                        "<@U2>, I'd like you to investigate the latency. I'll come back to you in 10 minutes.") == true,
                    "\(assigned.slackText ?? "no text")")
                // What the commands queued (the IC's open roles, to the response_url) has gone.
                #expect(try await Poll.until { try await first.pendingCount() == 0 })
                #expect(slack.calls.contains { $0.method == "respond" })
                try await first.stop()
            }
            #expect(time.sleeperCount == 0, "every loop of the first daemon has ended")
            #expect(followUps().isEmpty, "nothing was due before the stop")
            do {
                // The follow-up's deadline waits in the stored projection, and nothing is queued.
                let store = try DeputyStore.open(path: database)
                let deadlines = try store.nextDeadlines()
                #expect(deadlines.map(\.incident) == [IncidentID(1)])
                let acknowledgement = Fixtures.start.addingTimeInterval(180)
                #expect(deadlines.first?.at == acknowledgement, "the reminder to acknowledge comes first")
                #expect(try store.incident(IncidentID(1))?.tasks.first?.dueAt == Fixtures.start.addingTimeInterval(600))
                #expect(try store.pendingCount() == 0)
            }

            // Down for 12 minutes: the timebox lapsed 2 minutes ago.
            time.advance(by: 12 * 60)
            let second = try await LiveDaemon.start(
                database: database, apiURL: apiURL, time: time, transport: transport, client: client)
            let sent = try await Poll.until {
                guard !followUps().isEmpty else { return false }
                return try await second.pendingCount() == 0
            }
            #expect(sent, "the follow-up reached Slack and left the outbox")
            let call = try #require(followUps().first)
            #expect(call.method == "chat.postMessage")
            #expect(call.authorization == "Bearer \(LiveDaemon.botToken)")
            #expect(call.channel == "C1")
            #expect(
                call.text?.hasPrefix(
                    "<@U2>, it's been 12 minutes. Do you have any information on T1, “investigate the latency”?")
                    == true, "\(call.text ?? "no text")")

            // Let delivery look again (past its pacing and its periodic look, short of the
            // escalation at 15 minutes): the scheduler, delivery and housekeeping are asleep on
            // the clock before and after.
            #expect(await Poll.until { await second.isIdle(time) })
            time.advance(by: 60)
            #expect(await Poll.until { await second.isIdle(time) })
            #expect(followUps().count == 1, "sent once")
            #expect(slack.calls.filter { $0.text?.contains("<@U2>") == true }.count == 1)
            let incident = try await second.daemon.sqlite.run { try $0.incident(IncidentID(1)) }
            #expect(incident?.tasks.first?.followedUp?.at == Fixtures.start.addingTimeInterval(12 * 60))
            #expect(try await second.pendingCount() == 0)
            try await second.stop()
            #expect(time.sleeperCount == 0)
        }
    }
}
