import CurlHTTP
import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

@testable import DeputyDaemon

/// A command from a workspace or channel not on the allow list is refused and records nothing;
/// over HTTP it is a 403 on every platform's route.
struct AllowListTests {
    @Test func theDeskRefusesACommandFromElsewhereAndRecordsNothing() async throws {
        let store = try DeputyStore.inMemory()
        var allow = DaemonSettings.Allow()
        allow.teams = ["slack/T1"]
        let desk = try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: ManualTimeSource(start: Fixtures.start),
            policy: .init(expiry: .hours(1)), logger: Logger(label: "test"), allow: allow)
        let elsewhere = ChannelKey(platform: "slack", team: "T2", channel: "C1")
        let refused = await desk.submit(
            InboundCommand(channel: elsewhere, user: Fixtures.alice, text: "declare db down"))
        #expect(refused == .forbidden)
        let all = await desk.submitAnsweringAll(
            InboundCommand(channel: elsewhere, user: Fixtures.alice, text: "status"))
        #expect(all == .forbidden)
        #expect(try store.maxIncidentNumber() == 0, "nothing recorded")
        let here = ChannelKey(platform: "slack", team: "T1", channel: "C1")
        let accepted = await desk.submit(InboundCommand(channel: here, user: Fixtures.alice, text: "declare db down"))
        #expect(accepted != .forbidden)
        #expect(try store.maxIncidentNumber() == 1)
    }

    @Test func overHTTPItIsA403() async throws {
        try await LiveDaemon.running(
            environment: ["GENERIC_TOKEN": "t"], slack: true, yaml: "host: 127.0.0.1\nallow:\n  teams: [slack/T9]\n"
        ) { live in
            let slack = try await live.command("declare db down")
            #expect(slack.status == 403, "the live daemon's Slack commands come from T1")
            let generic = try await live.request(
                "POST", "/hooks/generic", body: #"{"channel":"ops","user":"u","text":"declare db down"}"#,
                headers: [("Authorization", "Bearer t")])
            #expect(generic.status == 403)
            #expect(try await live.daemon.sqlite.run { try $0.maxIncidentNumber() } == 0)
        }
    }
}
