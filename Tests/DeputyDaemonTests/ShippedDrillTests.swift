import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyTestSupport
import Foundation
import Testing

/// The drills in Config/drills, each played to its end through the daemon's own desk on a
/// manual clock: once run well, once with no one doing anything.
@Suite("The shipped drills, played to their end")
struct ShippedDrillTests {
    /// What Deputy said, as the console shows it.
    struct Played {
        var messages: [Conversation.Message] = []
        var channel: [String] { messages.filter { $0.recipient == nil }.map(\.text) }
        func said(_ text: String) -> Bool { messages.contains { $0.text.contains(text) } }
    }

    static func conversation() async throws -> Conversation {
        var rules = try RulesLoader.load(path: Fixtures.path("Config/rules.yaml"))
        rules.drills = try DrillScenarioLoader.load(folder: Fixtures.path("Config/drills"))
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        return try await Conversation(
            rules: rules, phrasebook: phrasebook,
            channel: ChannelKey(platform: "console", team: "local", channel: "#c"),
            user: Conversation.user(named: "alice"))
    }

    /// Starts `scenario`, types each line at its minute (timers due before it fire first), then
    /// lets the clock run to `end` minutes and asks for the score.
    static func play(_ scenario: String, _ lines: [(Double, String)], until end: Double) async throws -> Played {
        let conversation = try await conversation()
        var played = Played()
        func at(_ minute: Double) -> Date { Fixtures.start.addingTimeInterval(minute * 60) }
        played.messages += try #require(await conversation.type("/ic drill start \(scenario)", at: at(0)))
        for (minute, line) in lines {
            played.messages += await conversation.advance(to: at(minute))
            played.messages += try #require(await conversation.type(line, at: at(minute)))
        }
        played.messages += await conversation.advance(to: at(end))
        played.messages += try #require(await conversation.type("/ic score", at: at(end)))
        return played
    }

    /// Every line the scenario's people say, and every alert it fires, reached the channel.
    static func expectEveryInject(of name: String, in played: Played) throws {
        let scenario = try #require(try DrillScenarioLoader.load(folder: Fixtures.path("Config/drills"))[name])
        for inject in scenario.injects {
            switch inject.kind {
            case .message(let from, let text):
                #expect(played.channel.contains { $0.contains("\(from) (") && $0.contains(text) }, "\(text)")
            case .alert(let summary, _, _):
                #expect(played.said(summary), "\(summary)")
            }
        }
        #expect(played.channel.allSatisfy { $0.hasPrefix("[DRILL]") })
        #expect(played.said("The drill is over"))
    }

    @Test("exec-takeover, run as the notes teach: every expected move made")
    func execTakeover() async throws {
        let played = try await Self.play(
            "exec-takeover",
            [
                (0.5, "/ic lead"), (2, "/ic assign @priya for 5m roll back the payments deploy"),
                (3.5, "/ic say takeover @vp"), (4.5, "/ic say concerns @vp"), (6.5, "/ic say hurry @vp"),
                (8.5, "/ic say spreadsheet @sam"), (11.5, "/ic say severity @jordan"),
                (12, "/ic update Card payments fail for some customers; we are rolling back a deploy."),
                (8, "/ic done T1 rolled back"),
            ].sorted { $0.0 < $1.0 }, until: 30)
        try Self.expectEveryInject(of: "exec-takeover", in: played)
        #expect(played.said("priya: Understood, T1."))
        #expect(played.said("rolling back the payments service"))
        #expect(played.said("Moves the scenario expected: 6 of 6."))
        #expect(played.said("Time to a commander: 30 seconds"))
    }

    @Test("noisy-call, run well: the crowd asked to leave, someone let go, the belligerent warned")
    func noisyCall() async throws {
        let played = try await Self.play(
            "noisy-call",
            [
                (0.5, "/ic lead"), (4.5, "/ic say crowd"), (6.5, "/ic release @bea"), (7, "/ic release @carlos"),
                (9.5, "/ic say belligerent @gus"),
            ], until: 40)
        try Self.expectEveryInject(of: "noisy-call", in: played)
        #expect(played.said("Moves the scenario expected: 3 of 3."))
    }

    @Test("slow-database, run well: the silent on-call's task reassigned, an update, a handover before 90 minutes")
    func slowDatabase() async throws {
        let played = try await Self.play(
            "slow-database",
            [
                (1, "/ic lead"), (1.5, "/ic role deputy @bob"),
                (3, "/ic assign @dana for 10m check the replica lag"),
                (15, "/ic update Checkout is slow for some customers; we are looking at the orders database."),
                (36, "/ic assign @dana for 10m find the migration holding locks"),
                (47, "/ic assign T2 @bob"),
                (80, "/ic handover @bob"), (80.5, "bob: /ic accept"),
            ], until: 120)
        try Self.expectEveryInject(of: "slow-database", in: played)
        // dana answers before she goes silent at 35 minutes, and not after.
        #expect(played.said("dana: Understood, T1."))
        #expect(!played.said("dana: Understood, T2."))
        #expect(played.said("Moves the scenario expected: 3 of 3."))
    }

    @Test(
        "every shipped drill with no one doing anything: it still ends on time, and the score says what to practise",
        arguments: ["exec-takeover", "noisy-call", "slow-database"])
    func unattended(_ name: String) async throws {
        let end = try #require(try DrillScenarioLoader.load(folder: Fixtures.path("Config/drills"))[name]?.endsAfter)
        let played = try await Self.play(name, [], until: Double(end.seconds) / 60)
        try Self.expectEveryInject(of: name, in: played)
        #expect(played.said("Time to a commander: no one took command"))
        #expect(played.said("To practise next:"))
        let over = try #require(played.channel.first { $0.contains("The drill is over") })
        #expect(over.contains("Practice score:"))
        #expect(played.said("Moves the scenario expected: 0 of"))
    }
}
