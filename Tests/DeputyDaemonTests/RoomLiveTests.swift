import CurlHTTP
import DeputyCore
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

@testable import DeputyDaemon

/// The whole daemon with rooms on, against a fake Slack workspace on 127.0.0.1: declare opens the
/// incident's room and answers in the channel it was typed in; people are invited as they join the
/// response; one status card is posted, pinned and edited in place, coalesced, replaced when
/// deleted, and edited (not posted again) after a restart. Every wait for pacing is on the manual
/// clock.
@Suite("Incident rooms, live on Slack")
struct RoomLiveTests {
    static let yaml = """
        host: 127.0.0.1
        rooms:
          enabled: true
          announce: CANNOUNCE
        """
    static let alice = LiveDaemon.alice
    static let hayley = User(id: "U2", name: "hayley")

    /// Runs `body` with a daemon on a fake workspace; the database at `database` when given.
    static func running(
        database: String? = nil, yaml: String = yaml,
        prepare: @escaping @Sendable (FakeSlackWorkspace) -> Void = { _ in },
        _ body: @escaping @Sendable (LiveDaemon, FakeSlackWorkspace, ManualTimeSource) async throws -> Void
    ) async throws {
        try await FakeSlackWorkspace.serving { workspace, base in
            prepare(workspace)
            let time = ManualTimeSource(start: Fixtures.start)
            try await LiveDaemon.running(slack: true, apiURL: base, time: time, yaml: yaml, database: database) {
                try await body($0, workspace, time)
            }
        }
    }

    /// Moves the manual clock a second at a time until `condition` holds (pacing and the card's
    /// interval run on it); whether it did.
    static func until(_ time: ManualTimeSource, _ condition: @escaping () -> Bool) async -> Bool {
        await Poll.until {
            if condition() { return true }
            time.advance(by: 1)
            return condition()
        }
    }

    /// The room the workspace holds for incident `number`: its id.
    static func room(_ workspace: FakeSlackWorkspace, _ prefix: String = "inc-1-") -> String? {
        workspace.channels.values.first { $0.name.hasPrefix(prefix) }?.id
    }

    /// The card's text in `channel`: the pinned message's.
    static func card(_ workspace: FakeSlackWorkspace, in channel: String) -> String? {
        guard let ts = workspace.pinned(in: channel).last else { return nil }
        return workspace.messages(in: channel).first { $0.ts == ts }?.text
    }

    /// Declares INC-1 in C1 and waits until its room holds its card: the room's id.
    static func declared(
        _ live: LiveDaemon, _ workspace: FakeSlackWorkspace, _ time: ManualTimeSource
    ) async throws
        -> String
    {
        _ = try await live.command("declare checkout is slow sev2", in: "C1")
        #expect(await until(time) { room(workspace).map { card(workspace, in: $0) != nil } ?? false })
        return try #require(room(workspace))
    }

    @Test("declare opens the room, answers where to join, invites the declarer, posts, pins and announces")
    func declareOpensTheRoom() async throws {
        try await Self.running { live, workspace, time in
            let answer = try await live.command("declare checkout is slow sev2", in: "C1")
            #expect(answer.slackText == "INC-1 declared: checkout is slow (SEV-2). Join #inc-1-checkout-is-slow.")
            #expect(answer.slackResponseType == "in_channel")
            #expect(
                await Self.until(time) { Self.room(workspace).map { Self.card(workspace, in: $0) != nil } ?? false })
            let room = try #require(Self.room(workspace))
            #expect(workspace.channels[room]?.name == "inc-1-checkout-is-slow")
            #expect(await Self.until(time) { workspace.channels[room]?.members.contains("U1") == true })
            let said = workspace.messages(in: room).map(\.text)
            #expect(
                said.contains { $0.hasPrefix("Incident declared: checkout is slow. We're treating this as a SEV-2.") })
            let card = try #require(Self.card(workspace, in: room))
            #expect(card.hasPrefix("SEV-2 · checkout is slow · "))
            #expect(card.contains("This is INC-1's status card"))
            #expect(await Self.until(time) { !workspace.messages(in: "CANNOUNCE").isEmpty })
            #expect(
                workspace.messages(in: "CANNOUNCE").map(\.text) == [
                    "INC-1 declared: checkout is slow (SEV-2). Follow it in <#\(room)>."
                ])
            // The origin channel is free; the room runs the incident.
            let lead = try await live.command("lead", in: room)
            #expect(lead.slackText?.contains("incident commander") == true)
            #expect(await Self.until(time) { Self.card(workspace, in: room)?.contains("IC <@U1>") == true })
            #expect(workspace.count(of: "chat.update") >= 1)
            #expect(workspace.pinned(in: room).count == 1)
            let second = try await live.command("declare payments are down", in: "C1")
            #expect(second.slackText?.hasPrefix("INC-2 declared: payments are down") == true)
        }
    }

    @Test("people are invited as they take tasks; a burst of 50 changes is a few edits and the last wins")
    func invitesAndCoalescedEdits() async throws {
        try await Self.running { live, workspace, time in
            let room = try await Self.declared(live, workspace, time)
            _ = try await live.command("lead", in: room)
            _ = try await live.command("assign <@U2|hayley> check the database in 10m", in: room)
            #expect(await Self.until(time) { workspace.channels[room]?.members.contains("U2") == true })
            #expect(await Self.until(time) { Self.card(workspace, in: room)?.contains("check the database") == true })
            let before = workspace.count(of: "chat.update")
            for step in 1...50 {
                let answer = try await live.command("summary step \(step) of the diagnosis", in: room)
                #expect(answer.status == 200)
            }
            #expect(
                await Self.until(time) { Self.card(workspace, in: room)?.contains("step 50 of the diagnosis") == true })
            time.advance(by: 60)
            #expect(await Poll.until { await live.isIdle(time) })
            let edits = workspace.count(of: "chat.update") - before
            #expect(edits >= 1 && edits <= 3, "50 changes made \(edits) edits")
            #expect(workspace.pinned(in: room).count == 1)
            #expect(workspace.count(of: "conversations.invite") == 2)
            // The burst's refreshes with nothing new are not paced: within two card intervals of
            // the clock they have all gone (at most one waits: a reminder that fell due meanwhile),
            // where paced they would take 50 intervals.
            var drained = false
            for _ in 0..<20 where !drained {
                time.advance(by: 1)
                drained = await Poll.until(within: .milliseconds(500)) {
                    let pending = (try? await live.daemon.store.pendingMessages(after: 0, limit: 100)) ?? []
                    return pending.filter { $0.channel.platform == "card-slack" }.count <= 1
                }
            }
            #expect(drained)
            // The next change shows within one card interval, behind nothing.
            _ = try await live.command("summary step 51 of the diagnosis", in: room)
            #expect(await Poll.until { await live.isIdle(time) })
            time.advance(by: 10)
            #expect(await Poll.until { Self.card(workspace, in: room)?.contains("step 51 of the diagnosis") == true })
        }
    }

    @Test("a card someone deleted is posted anew and pinned, and edited from then on")
    func deletedCard() async throws {
        try await Self.running { live, workspace, time in
            let room = try await Self.declared(live, workspace, time)
            let first = try #require(workspace.pinned(in: room).last)
            workspace.deleteMessage(channel: room, ts: first)
            _ = try await live.command("lead", in: room)
            #expect(await Self.until(time) { workspace.pinned(in: room).count == 1 })
            let second = try #require(workspace.pinned(in: room).last)
            #expect(second != first)
            #expect(Self.card(workspace, in: room)?.contains("IC <@U1>") == true)
            _ = try await live.command("summary the primary is overloaded", in: room)
            #expect(await Self.until(time) { Self.card(workspace, in: room)?.contains("overloaded") == true })
            #expect(workspace.calls.last { $0.method == "chat.update" }?.fields["ts"] == second)
        }
    }

    @Test("after a restart the card is edited in place, never posted a second time")
    func cardAfterRestart() async throws {
        let folder = try TemporaryFolder()
        let database = folder.file("deputy.sqlite")
        try await FakeSlackWorkspace.serving { workspace, base in
            let time = ManualTimeSource(start: Fixtures.start)
            var room = ""
            try await LiveDaemon.running(slack: true, apiURL: base, time: time, yaml: Self.yaml, database: database) {
                live in
                room = try await Self.declared(live, workspace, time)
                #expect(await Poll.until { await live.isIdle(time) })
            }
            let posts = workspace.count(of: "chat.postMessage")
            try await LiveDaemon.running(slack: true, apiURL: base, time: time, yaml: Self.yaml, database: database) {
                live in
                let lead = try await live.command("lead", in: room)
                #expect(lead.slackText?.contains("incident commander") == true)
                #expect(await Self.until(time) { Self.card(workspace, in: room)?.contains("IC <@U1>") == true })
            }
            #expect(workspace.pinned(in: room).count == 1)
            let cards = workspace.messages(in: room).filter { $0.text.contains("status card") }
            #expect(cards.count == 1)
            // Only the answer's parts and no second card went out by postMessage after the restart.
            #expect(workspace.calls.filter { $0.method == "chat.postMessage" && $0.channel == room }.count <= posts)
        }
    }

    @Test("a room that cannot be made: the incident runs where it was declared, which hears why")
    func roomFails() async throws {
        try await Self.running(prepare: { $0.failNext("conversations.create", with: "restricted_action") }) {
            live, workspace, time in
            let answer = try await live.command("declare checkout is slow sev2", in: "C1")
            #expect(answer.slackText?.hasPrefix("INC-1 declared") == true)
            // The card has a queue of its own: it may come before or after the words in the channel.
            let why = "I couldn't open a room for INC-1 (restricted_action), so we'll run it here."
            #expect(
                await Self.until(time) {
                    Self.card(workspace, in: "C1") != nil
                        && workspace.messages(in: "C1").contains { $0.text.hasPrefix(why) }
                })
            #expect(Self.room(workspace) == nil)
            let lead = try await live.command("lead", in: "C1")
            #expect(lead.slackText?.contains("incident commander") == true)
            #expect(await Self.until(time) { Self.card(workspace, in: "C1")?.contains("IC <@U1>") == true })
            #expect(await Self.until(time) { !workspace.messages(in: "CANNOUNCE").isEmpty })
            #expect(
                workspace.messages(in: "CANNOUNCE").map(\.text).first == "INC-1 declared: checkout is slow (SEV-2).")
        }
    }

    @Test("a room Slack will not make before the request expires: the origin channel runs it and hears why")
    func roomOutOfTime() async throws {
        try await Self.running(prepare: { $0.rateLimitNext("conversations.create", retryAfter: 7200) }) {
            live, workspace, time in
            _ = try await live.command("declare checkout is slow sev2", in: "C1")
            let why = "I couldn't open a room for INC-1 (expired; last try: "
            #expect(
                await Self.until(time) {
                    Self.card(workspace, in: "C1") != nil
                        && workspace.messages(in: "C1").contains { $0.text.hasPrefix(why) }
                })
            #expect(Self.room(workspace) == nil)
            #expect(workspace.count(of: "conversations.create") == 1)
        }
    }

    @Test("a name already taken gets the next free one, and the origin channel hears it")
    func nameTaken() async throws {
        try await Self.running(prepare: { $0.takeName("inc-1-checkout-is-slow") }) { live, workspace, time in
            _ = try await live.command("declare checkout is slow sev2", in: "C1")
            #expect(await Self.until(time) { Self.room(workspace, "inc-1-checkout-is-slow-2") != nil })
            let room = try #require(Self.room(workspace, "inc-1-checkout-is-slow-2"))
            #expect(await Self.until(time) { workspace.messages(in: "C1").contains { $0.text.contains("<#\(room)>") } })
            #expect(workspace.messages(in: "C1").map(\.text).contains("INC-1's room is <#\(room)>."))
        }
    }

    @Test(
        "archive_after past the postmortem's being done, the room says so and is archived; the postmortem is announced")
    func archived() async throws {
        try await Self.running(yaml: Self.yaml + "\n  archive_after: 1m\n") { live, workspace, time in
            let room = try await Self.declared(live, workspace, time)
            _ = try await live.command("lead", in: room)
            _ = try await live.command("resolve confirm", in: room)
            _ = try await live.command("postmortem <@U2|hayley>", in: room)
            let done = try await live.command(
                "postmortem done https://wiki.example.com/pm/1", by: Self.hayley, in: room)
            #expect(done.status == 200)
            #expect(await Poll.until { await live.isIdle(time) })
            #expect(workspace.count(of: "conversations.archive") == 0)
            time.advance(by: 61)
            #expect(await Self.until(time) { workspace.channels[room]?.archived == true })
            #expect(workspace.count(of: "conversations.archive") == 1)
            let last = workspace.messages(in: room).last { !$0.text.contains("status card") }?.text
            #expect(last?.hasPrefix("INC-1's postmortem is done, so I'm archiving this room.") == true)
            #expect(
                workspace.messages(in: "CANNOUNCE").map(\.text).contains(
                    "INC-1's postmortem is done: checkout is slow."))
        }
    }
}
