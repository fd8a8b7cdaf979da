import DeputyConfig
import Foundation
import Testing

/// `rooms`: off by default; each key read from the file (`announce` as one id or one per
/// platform), every mistake reported at its line, `DEPUTY_ROOMS`, the warnings when a platform
/// will not open rooms, and what `deputy check` says they need.
struct DaemonSettingsRoomsTests {
    static let discordKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    static let mattermostChannel = "4xp9fdt8rbgajkidq8qcg5ghbe"
    /// Slack, Mattermost through its API, Discord and Teams, all on.
    static let everyPlatform = [
        "SLACK_SIGNING_SECRET": "slack-signing-value", "SLACK_BOT_TOKEN": "xoxb-slack-token-value",
        "MATTERMOST_COMMAND_TOKEN": "mm-command-value", "MATTERMOST_BOT_TOKEN": "mm-bot-value",
        "MATTERMOST_URL": "https://chat.example.com", "DISCORD_PUBLIC_KEY": discordKey,
        "DISCORD_BOT_TOKEN": "discord-bot-value", "TEAMS_SECURITY_TOKEN": "dGVhbXMtc2VjdXJpdHktdmFsdWU=",
    ]
    static let on = "rooms:\n  enabled: true\n"

    @Test func theDefaultsLeaveRoomsOffSoIncidentsStayWhereTheyWereDeclared() throws {
        let settings = try SettingsFixture.load()
        let rooms = settings.rooms
        #expect(rooms == DaemonSettings.Rooms())
        #expect(!rooms.enabled && !rooms.isPrivate)
        #expect(rooms.name == "inc-{number}-{slug}")
        #expect(rooms.announce.isEmpty)
        #expect(rooms.cardInterval == 10)
        #expect(rooms.archiveAfter == nil)
        #expect(rooms.warnings.isEmpty && settings.warnings.isEmpty)
        let withTeams = try SettingsFixture.load(environment: ["TEAMS_SECURITY_TOKEN": "dGVhbXM="])
        #expect(withTeams.warnings.isEmpty, "rooms off: nothing to warn of")
        #expect(try SettingsFixture.load("rooms:\n") == DaemonSettings())
    }

    @Test func everyKeyIsRead() throws {
        let yaml = """
            rooms:
              enabled: true
              name: "sev{severity}-{number}_{slug}"
              private: true
              announce: C0ANNOUNCE
              card_interval: 1m30s
              archive_after: 2d
            """
        let rooms = try SettingsFixture.load(yaml, environment: SettingsFixture.slackSecrets).rooms
        #expect(rooms.enabled && rooms.isPrivate)
        #expect(rooms.name == "sev{severity}-{number}_{slug}")
        #expect(rooms.announce == ["slack": "C0ANNOUNCE", "mattermost": "C0ANNOUNCE", "discord": "C0ANNOUNCE"])
        #expect(rooms.cardInterval == 90)
        #expect(rooms.archiveAfter == TimeInterval(2 * 86400))
        #expect(rooms.warnings.isEmpty)
        #expect(rooms.slackScopes == ["channels:manage", "channels:join", "pins:write", "chat:write", "groups:write"])
    }

    @Test func announceMayNameAChannelPerPlatform() throws {
        let all = try SettingsFixture.load(
            "rooms:\n  announce: {slack: C0ANNOUNCE, mattermost: \(Self.mattermostChannel), "
                + "discord: \"1234567890123456789\"}\n")
        #expect(
            all.rooms.announce == [
                "slack": "C0ANNOUNCE", "mattermost": Self.mattermostChannel, "discord": "1234567890123456789",
            ])
        let some = try SettingsFixture.load("rooms:\n  announce:\n    discord: 1234567890123456789\n    slack:\n")
        #expect(some.rooms.announce == ["discord": "1234567890123456789"], "an empty platform has none")
        #expect(try SettingsFixture.load("rooms:\n  announce: {}\n").rooms.announce.isEmpty)
    }

    @Test(arguments: ["off", "false", "never", "none", ""])
    func archiveAfterMayBeOff(value: String) throws {
        #expect(try SettingsFixture.load("rooms:\n  archive_after: \(value)\n").rooms.archiveAfter == nil)
    }

    @Test(arguments: [
        ("  enable: true", "enable: true", "rooms.enable: unknown key (did you mean enabled?)"),
        ("  enabled: maybe", "maybe", "rooms.enabled: expected true or false, found \"maybe\""),
        ("  private: [yes]", "[yes]", "rooms.private: expected true or false, found a list"),
        (
            "  name: \"inc-{slug}\"", "\"inc-{slug}\"",
            "rooms.name: \"inc-{slug}\" has no {number}, which keeps each room's name unique"
        ),
        (
            "  name: \"inc-{number}-{title}\"", "\"inc-{number}-{title}\"",
            "rooms.name: {title} is not a placeholder a room's name can hold (known: {number}, {slug}, {severity})"
        ),
        (
            "  name: \"Inc {number}.x\"", "\"Inc {number}.x\"",
            "rooms.name: \"Inc {number}.x\" holds \"I\", \" \", \".\": a room's name may hold only lowercase "
                + "letters, digits, - and _ (Slack and Mattermost refuse anything else in a channel's name)"
        ),
        (
            "  name: \"-{number}\"", "\"-{number}\"",
            "rooms.name: \"-{number}\" starts with -: Mattermost refuses a channel name that does not start with a "
                + "letter or a digit"
        ),
        ("  name: ~", "~", "rooms.name: expected a name pattern like \"inc-{number}-{slug}\", found nothing"),
        (
            "  card_interval: 10", "10",
            "rooms.card_interval: \"10\" has no unit (write 10m for minutes, 10s for seconds)"
        ),
        ("  card_interval: soon", "soon", "rooms.card_interval: \"soon\" is not a duration (try 5m, 90s, 1h30m)"),
        ("  card_interval: 20m", "20m", "rooms.card_interval: \"20m\" is out of range (1s to 10m)"),
        ("  archive_after: 30s", "30s", "rooms.archive_after: \"30s\" is out of range (1m to 7d, or off)"),
        ("  archive_after: 8d", "8d", "rooms.archive_after: \"8d\" is not a duration (try 5m, 90s, 1h30m)"),
        (
            "  announce: {teams: C0ANNOUNCE}", "teams",
            "rooms.announce.teams: Teams has no rooms; not a platform with rooms (expected slack, mattermost, "
                + "discord)"
        ),
        (
            "  announce: {zulip: C0ANNOUNCE}", "zulip",
            "rooms.announce.zulip: not a platform with rooms (expected slack, mattermost, discord)"
        ),
        (
            "  announce: \"#incidents\"", "\"#incidents\"",
            "rooms.announce: \"#incidents\" is a channel name; write the channel's id (like C0123456789)"
        ),
        (
            "  announce: [C0ANNOUNCE]", "[C0ANNOUNCE]",
            "rooms.announce: expected a channel id, or a mapping from platform to channel id, found a list"
        ),
        (
            "  announce: {mattermost: town-square}", "town-square",
            "rooms.announce.mattermost: \"town-square\" is not a Mattermost channel id (26 lowercase letters and "
                + "digits, like 4xp9fdt8rbgajkidq8qcg5ghbe; not the channel's name)"
        ),
        (
            "  announce: {discord: C0ANNOUNCE}", "C0ANNOUNCE",
            "rooms.announce.discord: \"C0ANNOUNCE\" is not a Discord id (15 to 21 digits, like 1234567890123456789)"
        ),
        (
            "  announce: {slack: \"#incidents\"}", "\"#incidents\"",
            "rooms.announce.slack: \"#incidents\" is a channel name; write the channel's id (like C0123456789, "
                + "under the channel's details in Slack)"
        ),
    ])
    func aMistakeIsReportedAtItsLine(line: String, at text: String, message: String) throws {
        let yaml = "# incident rooms\nrooms:\n\(line)\n"
        let position = try #require(TextPosition(of: text, in: yaml))
        #expect(SettingsFixture.problem(in: yaml) == "Config/deputy.yaml:\(position): \(message)")
    }

    @Test func everyWrongEntryOfAnnounceIsReported() throws {
        let yaml = "rooms:\n  announce: {slack: C0ANNOUNCE, teams: X, discord: C0}\n"
        let teams = try #require(TextPosition(of: "teams", in: yaml))
        let discord = try #require(TextPosition(of: "C0}", in: yaml))
        #expect(
            SettingsFixture.problems(in: yaml).map { "\($0.line ?? 0):\($0.column ?? 0)" } == [
                "\(teams)", "\(discord)",
            ])
    }

    @Test func everyMistakeIsReportedAtOnceInFileOrder() {
        let yaml = """
            rooms:
              name: "{slug}"
              card_interval: 0s
              archive_after: 10s
              announce: {matrix: "!room"}
            """
        #expect(
            SettingsFixture.problems(in: yaml).map(\.description) == [
                "Config/deputy.yaml:2:9: rooms.name: \"{slug}\" has no {number}, which keeps each room's name unique",
                "Config/deputy.yaml:3:18: rooms.card_interval: \"0s\" is not a duration (try 5m, 90s, 1h30m)",
                "Config/deputy.yaml:4:18: rooms.archive_after: \"10s\" is out of range (1m to 7d, or off)",
                "Config/deputy.yaml:5:14: rooms.announce.matrix: not a platform with rooms (expected slack, "
                    + "mattermost, discord)",
            ])
    }

    @Test func theEnvironmentSwitchesRoomsOnAndOff() throws {
        let on = try SettingsFixture.load(environment: ["DEPUTY_ROOMS": "on"])
        #expect(on.rooms.enabled)
        let off = try SettingsFixture.load(Self.on, environment: ["DEPUTY_ROOMS": "OFF"])
        #expect(!off.rooms.enabled && off.warnings.isEmpty)
        let problems = SettingsFixture.problems(environment: ["DEPUTY_ROOMS": "maybe"])
        #expect(problems.map(\.description) == ["DEPUTY_ROOMS: \"maybe\" is not on or off (nor true or false)"])
        #expect(try SettingsFixture.load(environment: ["DEPUTY_ROOMS": ""]).rooms.enabled == false, "empty is unset")
    }

    @Test func roomsOnWithNoPlatformThatHasThemIsAWarningAtTheKey() throws {
        let settings = try SettingsFixture.load(Self.on)
        #expect(settings.roomPlatforms.isEmpty)
        #expect(
            settings.warnings.map(\.description) == [
                "Config/deputy.yaml:2:12: rooms.enabled: rooms are on, but no platform that has them is, so "
                    + "incidents stay in the channel they were declared in; rooms need Slack (SLACK_SIGNING_SECRET "
                    + "and SLACK_BOT_TOKEN), Mattermost through its API (MATTERMOST_COMMAND_TOKEN, MATTERMOST_URL "
                    + "and MATTERMOST_BOT_TOKEN) or Discord (DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN)"
            ])
        #expect(settings.rooms.warnings == settings.warnings)
        let fromEnvironment = try SettingsFixture.load(environment: ["DEPUTY_ROOMS": "true"])
        #expect(fromEnvironment.warnings.map(\.file) == ["DEPUTY_ROOMS"])
        #expect(fromEnvironment.warnings.first?.message.hasPrefix("rooms are on, but no platform") == true)
    }

    @Test func teamsAndAMattermostWebhookKeepIncidentsWhereTheyWereDeclared() throws {
        var environment = SettingsFixture.slackSecrets
        environment["TEAMS_SECURITY_TOKEN"] = "dGVhbXM="
        environment["MATTERMOST_COMMAND_TOKEN"] = "mm-command-value"
        environment["MATTERMOST_WEBHOOK_URL"] = "https://chat.example.com/hooks/abc"
        let settings = try SettingsFixture.load(Self.on, environment: environment)
        #expect(settings.roomPlatforms == ["slack"])
        #expect(
            settings.warnings.map(\.description) == [
                "Config/deputy.yaml:2:12: rooms.enabled: Mattermost posts through an incoming webhook, which cannot "
                    + "open rooms, so its incidents stay in the channel they were declared in; set MATTERMOST_URL "
                    + "and MATTERMOST_BOT_TOKEN (a bot account) for rooms there",
                "Config/deputy.yaml:2:12: rooms.enabled: Teams keeps running each incident in the channel it was "
                    + "declared in: an outgoing webhook has no API to open a room",
            ])
    }

    @Test func everyPlatformThatHasRoomsCounts() throws {
        let settings = try SettingsFixture.load(Self.on, environment: Self.everyPlatform)
        #expect(settings.roomPlatforms == ["slack", "mattermost", "discord"])
        #expect(settings.warnings.map(\.message).allSatisfy { $0.contains("Teams") })
        for platform in ["slack", "mattermost", "discord"] {
            let one = try SettingsFixture.load(
                Self.on, environment: Self.everyPlatform.filter { $0.key.lowercased().hasPrefix(platform) })
            #expect(one.roomPlatforms == [platform])
            #expect(one.warnings.isEmpty, "\(one.warnings)")
        }
    }

    @Test func theSummarySaysRoomsAreOffAndHowToSwitchThemOn() throws {
        #expect(
            try SettingsFixture.load().roomsSummary == [
                "rooms: off (incidents run in the channel they were declared in; set rooms.enabled or DEPUTY_ROOMS "
                    + "to open a room per incident)"
            ])
    }

    @Test func theSummarySaysWhatEachPlatformNeedsForPublicRooms() throws {
        let yaml = Self.on + "  announce: C0ANNOUNCE\n"
        #expect(
            try SettingsFixture.load(yaml, environment: Self.everyPlatform).roomsSummary == [
                "rooms: on (named inc-{number}-{slug}, public; status card edited at most every 10s; never archived; "
                    + "announced in C0ANNOUNCE)",
                "rooms on slack: the bot token needs the scopes channels:manage, channels:join, pins:write, "
                    + "chat:write (deputy slack-manifest asks for them)",
                "rooms on mattermost: the bot must be a member of every team incidents are declared in and hold "
                    + "create_public_channel, manage_public_channel_members",
                "rooms on discord: a thread in the channel each incident is declared in; the bot needs Create "
                    + "Public Threads, Send Messages in Threads, Pin Messages",
                "rooms on teams: none (an outgoing webhook has no API for rooms; incidents run in the channel they "
                    + "were declared in)",
            ])
    }

    @Test func theSummarySaysWhatEachPlatformNeedsForPrivateRoomsItArchives() throws {
        let yaml = """
            rooms:
              enabled: true
              name: "{severity}-{number}"
              private: true
              announce: {slack: C0ANNOUNCE, discord: "1234567890123456789"}
              card_interval: 1m
              archive_after: 1h30m
            """
        var environment = Self.everyPlatform
        environment["TEAMS_SECURITY_TOKEN"] = nil
        #expect(
            try SettingsFixture.load(yaml, environment: environment).roomsSummary == [
                "rooms: on (named {severity}-{number}, private; status card edited at most every 1m; archived 1h30m "
                    + "after the postmortem; announced in slack C0ANNOUNCE, discord 1234567890123456789)",
                "rooms on slack: the bot token needs the scopes channels:manage, channels:join, pins:write, "
                    + "chat:write, groups:write (deputy slack-manifest asks for them)",
                "rooms on mattermost: the bot must be a member of every team incidents are declared in and hold "
                    + "create_private_channel, manage_private_channel_members, delete_private_channel (to archive)",
                "rooms on discord: a thread in the channel each incident is declared in; the bot needs Create "
                    + "Private Threads, Send Messages in Threads, Pin Messages, Manage Threads (to archive)",
            ])
    }

    @Test func theSummarySaysAMattermostWebhookHasNoRoomsAndNeverShowsASecret() throws {
        let environment = [
            "MATTERMOST_COMMAND_TOKEN": "mm-command-value", "MATTERMOST_WEBHOOK_URL": "https://chat.example.com/h/x",
        ]
        let lines = try SettingsFixture.load(Self.on, environment: environment).roomsSummary
        #expect(
            lines.last == "rooms on mattermost: none while it posts through an incoming webhook (set MATTERMOST_URL "
                + "and MATTERMOST_BOT_TOKEN)")
        let every = try SettingsFixture.load(Self.on, environment: Self.everyPlatform).roomsSummary.joined()
        for secret in Self.everyPlatform.values where secret != Self.discordKey && !secret.hasPrefix("https") {
            #expect(!every.contains(secret), "\(secret) is shown")
        }
    }

    @Test func theShippedFileDocumentsRoomsAndItsAnnounceExampleLoads() throws {
        let path = try #require(Repository.path("Config/deputy.yaml"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("DEPUTY_ROOMS"))
        let example = try #require(
            text.split(separator: "\n").first { $0.contains("#   {slack:") }?.split(separator: "#", maxSplits: 1).last)
        let rooms = try SettingsFixture.load("rooms:\n  announce: \(example.trimmingCharacters(in: .whitespaces))\n")
            .rooms
        #expect(Set(rooms.announce.keys) == ["slack", "mattermost", "discord"])
    }
}
