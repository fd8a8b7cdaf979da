import CurlHTTP
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// Rooms on Mattermost (a channel of the team) and Discord (a thread in the channel the incident
/// was declared in), the whole daemon against stateful fakes on 127.0.0.1: the room made, the
/// declarer added, the card posted, pinned and edited in place as the incident changes.
@Suite("Incident rooms, live on Mattermost and Discord")
struct RoomPlatformsLiveTests {
    static let yaml = "host: 127.0.0.1\nrooms:\n  enabled: true\n"

    /// Moves the manual clock a second at a time until `condition` holds; whether it did.
    static func until(_ time: ManualTimeSource, _ condition: @escaping () -> Bool) async -> Bool {
        await Poll.until {
            if condition() { return true }
            time.advance(by: 1)
            return condition()
        }
    }

    /// `/ic <text>` from alice in `channel` of team1, as Mattermost posts it.
    static func mattermost(
        _ live: LiveDaemon, _ text: String, in channel: String, base: String
    ) async throws
        -> HTTPClientResponse
    {
        try await MattermostLiveTests.command(live, text, base: base, channel: channel)
    }

    /// `/ic <text>` from mason in `channel`, signed as Discord signs it.
    static func discord(_ live: LiveDaemon, _ text: String, in channel: String) async throws -> HTTPClientResponse {
        try await DiscordLiveTests.interaction(live, text, channel: channel)
    }

    @Test("Mattermost: declare makes the team's channel, adds the declarer, posts, pins and edits the card")
    func mattermostRoom() async throws {
        try await FakeMattermostServer.serving { server, base in
            let time = ManualTimeSource(start: Fixtures.start)
            let environment = [
                "MATTERMOST_COMMAND_TOKEN": MattermostLiveTests.commandToken,
                "MATTERMOST_BOT_TOKEN": MattermostLiveTests.botToken, "MATTERMOST_URL": base,
            ]
            try await LiveDaemon.running(environment: environment, time: time, yaml: Self.yaml) { live in
                let declared = try await Self.mattermost(live, "declare checkout is slow sev2", in: "C1", base: base)
                #expect(
                    MattermostLiveTests.answer(declared)["text"]
                        == "INC-1 declared: checkout is slow (SEV-2). Join #inc-1-checkout-is-slow.")
                #expect(await Self.until(time) { server.channels.values.contains { !$0.members.isEmpty } })
                let room = try #require(server.channels.values.first { $0.name == "inc-1-checkout-is-slow" })
                #expect(room.teamID == "team1" && room.type == "O")
                #expect(room.displayName == "INC-1 checkout is slow")
                #expect(room.members.contains("u-alice"))
                #expect(await Self.until(time) { !server.pinned(in: room.id).isEmpty })
                let card = try #require(server.posts(in: room.id).first { $0.isPinned })
                #expect(card.message.hasPrefix("SEV-2 · checkout is slow · "))
                _ = try await Self.mattermost(live, "lead", in: room.id, base: base)
                #expect(
                    await Self.until(time) {
                        server.posts(in: room.id).first { $0.id == card.id }?.message.contains("IC @alice") == true
                    })
                #expect(server.count(of: "PUT", "/api/v4/posts/\(card.id)/patch") >= 1)
                #expect(server.pinned(in: room.id) == [card.id])
                // Deleted: the refused edit is looked up, and a new card is posted and pinned.
                server.deletePost(card.id)
                _ = try await Self.mattermost(live, "summary the primary is overloaded", in: room.id, base: base)
                #expect(await Self.until(time) { server.pinned(in: room.id).contains { $0 != card.id } })
                let replaced = try #require(server.posts(in: room.id).first { $0.isPinned && $0.id != card.id })
                #expect(replaced.message.contains("the primary is overloaded"))
            }
        }
    }

    @Test("Discord: declare starts a thread in the channel, adds the declarer, posts, pins and edits the card")
    func discordThread() async throws {
        try await FakeDiscordREST.serving { discord, base in
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(environment: DiscordLiveTests.environment(base), time: time, yaml: Self.yaml) {
                live in
                let channel = DiscordLiveTests.channel
                let declared = try await Self.discord(live, "declare checkout is slow sev2", in: channel)
                #expect(
                    DiscordLiveTests.answer(declared).content
                        == "INC-1 declared: checkout is slow (SEV-2). Join #inc-1-checkout-is-slow.")
                #expect(await Self.until(time) { discord.threads.values.contains { !$0.members.isEmpty } })
                let thread = try #require(discord.threads.values.first { $0.name == "inc-1-checkout-is-slow" })
                #expect(thread.parentID == channel && thread.type == 11)
                #expect(thread.members.contains("53908232506183680"))
                #expect(await Self.until(time) { !discord.pinned(in: thread.id).isEmpty })
                let pinned = try #require(discord.pinned(in: thread.id).first)
                _ = try await Self.discord(live, "lead", in: thread.id)
                #expect(
                    await Self.until(time) {
                        discord.messages(in: thread.id).first { $0.id == pinned }?.content.contains(
                            "IC <@53908232506183680>")
                            == true
                    })
                #expect(discord.pinned(in: thread.id) == [pinned])
            }
        }
    }
}
