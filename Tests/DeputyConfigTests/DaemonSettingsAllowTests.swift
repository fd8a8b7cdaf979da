import DeputyConfig
import DeputyCore
import Testing

/// The allow list: empty allows everywhere; otherwise a workspace and a channel must be listed,
/// bare or with their platform.
struct DaemonSettingsAllowTests {
    static let slackOps = ChannelKey(platform: "slack", team: "T0123", channel: "C0456")
    static let slackElsewhere = ChannelKey(platform: "slack", team: "T9999", channel: "C0456")
    static let mattermostOps = ChannelKey(platform: "mattermost", team: "T0123", channel: "C0456")

    @Test func emptyListsAllowEverywhere() throws {
        let settings = try SettingsFixture.load()
        #expect(settings.allow.permits(Self.slackOps))
        #expect(settings.allow.permits(ChannelKey(platform: "generic", team: "", channel: "general")))
    }

    @Test(arguments: [
        (["T0123"], [String](), true, false, true), (["slack/T0123"], [], true, false, false),
        ([], ["C0456"], true, true, true), ([], ["slack/C0456"], true, true, false),
        ([], ["slack/T0123/C0456"], true, false, false), (["T0123"], ["C9999"], false, false, false),
        (["T9999"], [], false, true, false),
    ])
    func listedPlacesOnly(teams: [String], channels: [String], ops: Bool, elsewhere: Bool, mattermost: Bool) {
        var allow = DaemonSettings.Allow()
        allow.teams = teams
        allow.channels = channels
        #expect(allow.permits(Self.slackOps) == ops)
        #expect(allow.permits(Self.slackElsewhere) == elsewhere)
        #expect(allow.permits(Self.mattermostOps) == mattermost)
    }

    @Test func theFileHoldsTheListsAsWritten() throws {
        let settings = try SettingsFixture.load("allow:\n  teams: [slack/T0123]\n  channels: [C0456, C0789]\n")
        #expect(settings.allow.teams == ["slack/T0123"])
        #expect(settings.allow.channels == ["C0456", "C0789"])
        let problem = SettingsFixture.problem(in: "allow:\n  channels: [\"C04 56\"]\n")
        #expect(problem?.contains("has a space") == true)
        #expect(SettingsFixture.problem(in: "allow:\n  teams: T0123\n")?.contains("expected a list") == true)
    }
}
