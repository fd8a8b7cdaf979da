import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("Incident rooms in the core: asked for at declare, opened or not, invitations, the card, announcements")
struct RoomTests {
    let origin = ChannelKey(platform: "slack", team: "T1", channel: "COPS")
    let room = ChannelKey(platform: "slack", team: "T1", channel: "CROOM")
    let announcements = ChannelKey(platform: "slack", team: "T1", channel: "CANNOUNCE")
    let alice = User(id: "U1", name: "alice")
    let hayley = User(id: "U2", name: "hayley")
    let now = Fixtures.start

    func desk(announce: Bool = false) -> Desk {
        var rules = Rules()
        rules.rooms = Rooms(platforms: ["slack"], announce: announce ? ["slack": "CANNOUNCE"] : [:])
        return Desk(rules: rules, nextNumber: 12)
    }

    func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    /// A desk with INC-12 declared in the origin channel and its room open.
    func opened(announce: Bool = false) -> Desk {
        var desk = desk(announce: announce)
        _ = desk.handle(text: "declare checkout is slow sev2", by: alice, in: origin, at: now)
        _ = desk.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1))
        return desk
    }

    @Test("declare asks for a room and answers in the origin channel with where to join")
    func declareAsksForARoom() throws {
        var desk = desk()
        let result = desk.handle(text: "declare Checkout is slow! sev2", by: alice, in: origin, at: now)
        let outcome = result.outcome
        #expect(result.incident == IncidentID(12))
        #expect(outcome.records.map(\.event).last == .roomRequested(name: "inc-12-checkout-is-slow", origin: origin))
        #expect(outcome.replies.count == 1)
        let answer = try #require(outcome.replies.first?.lines.first)
        #expect(answer.key == .declaredRoom)
        #expect(answer.values["room"] == .plain("#inc-12-checkout-is-slow"))
        #expect(answer.values["severity"] == .plain("SEV-2"))
        #expect(
            outcome.rooms == [
                RoomJob(
                    .open(name: "inc-12-checkout-is-slow", title: "Checkout is slow", isPrivate: false),
                    incident: IncidentID(12), channel: origin)
            ])
        #expect(outcome.rooms.first?.outboxChannel == origin)
    }

    @Test("a platform without rooms, or rooms off, declares as it always did")
    func noRoomsElsewhere() {
        var desk = desk()
        let teams = ChannelKey(platform: "teams", team: "T1", channel: "C1")
        let result = desk.handle(text: "declare checkout is slow", by: alice, in: teams, at: now)
        #expect(result.outcome.rooms.isEmpty)
        #expect(result.outcome.replies.first?.lines.first?.key == .declaredDefaultSeverity)
        #expect(desk.incidents[IncidentID(12)]?.room == nil)
    }

    @Test("the room opens: the incident moves there, the room hears the declaration, everyone is invited")
    func roomOpens() throws {
        var desk = desk()
        _ = desk.handle(text: "declare checkout is slow sev2", by: alice, in: origin, at: now)
        let result = desk.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1))
        let incident = try #require(desk.incidents[IncidentID(12)])
        #expect(incident.channel == room)
        #expect(incident.room?.origin == origin && incident.room?.isOpen == true)
        #expect(desk.latest[room] == IncidentID(12))
        #expect(desk.latest[origin] == nil)
        #expect(result.outcome.replies.first?.lines.map(\.key) == [.declared, .declaredIncidentId])
        #expect(
            result.outcome.rooms == [
                RoomJob(.invite([alice]), incident: IncidentID(12), channel: room),
                RoomJob(.refreshCard, incident: IncidentID(12), channel: room),
            ])
        #expect(result.outcome.rooms.last?.outboxChannel.platform == "card-slack")
        #expect(result.outcome.elsewhere.isEmpty)
        // Told twice (a retry after the store failed): nothing more happens.
        let again = desk.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.2))
        #expect(again.outcome.isEmpty && again.incident == nil)
    }

    @Test("commands in the room reach the incident; the origin channel is free for the next one")
    func originIsFree() {
        var desk = opened()
        let status = desk.handle(text: "status", by: alice, in: room, at: at(1))
        #expect(status.incident == IncidentID(12))
        let next = desk.handle(text: "declare payments are down", by: hayley, in: origin, at: at(2))
        #expect(next.incident == IncidentID(13))
        #expect(desk.incidents[IncidentID(13)]?.room?.name == "inc-13-payments-are-down")
    }

    @Test("a name other than the one announced is told to the origin channel")
    func renamed() throws {
        var desk = desk()
        _ = desk.handle(text: "declare checkout is slow", by: alice, in: origin, at: now)
        let result = desk.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow-2", at: at(0.1))
        let told = try #require(result.outcome.elsewhere.first)
        #expect(told.channel == origin)
        #expect(told.reply.lines.first?.key == .roomRenamed)
        #expect(told.reply.lines.first?.values["room"] == .channel(id: "CROOM", name: "inc-12-checkout-is-slow-2"))
    }

    @Test("someone who took command before the room opened is named in it, not asked for")
    func commanderBeforeTheRoom() {
        var desk = desk()
        _ = desk.handle(text: "declare checkout is slow", by: alice, in: origin, at: now)
        _ = desk.handle(text: "lead", by: hayley, in: origin, at: at(0.05))
        let result = desk.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1))
        #expect(result.outcome.replies.first?.lines.map(\.key) == [.roomWelcomeCommander])
        let invited = result.outcome.rooms.first { if case .invite = $0.action { true } else { false } }
        #expect(invited?.action == .invite([alice, hayley]))
    }

    @Test("people are invited as they take a task or a role, once each")
    func invitesAsItHappens() {
        var desk = opened()
        _ = desk.handle(text: "lead", by: alice, in: room, at: at(1))
        let assigned = desk.handle(
            text: "assign <@U2|hayley> check the database in 10m", by: alice, in: room, at: at(2))
        #expect(assigned.outcome.rooms.contains(RoomJob(.invite([hayley]), incident: IncidentID(12), channel: room)))
        let role = desk.handle(text: "role scribe <@U2|hayley>", by: alice, in: room, at: at(3))
        #expect(!role.outcome.rooms.contains { if case .invite = $0.action { true } else { false } })
        #expect(role.outcome.rooms.contains(RoomJob(.refreshCard, incident: IncidentID(12), channel: room)))
    }

    @Test("a private answer that changes nothing leaves the card alone")
    func quietCommandsKeepTheCard() {
        var desk = opened()
        let status = desk.handle(text: "status", by: alice, in: room, at: at(1))
        #expect(status.outcome.rooms.isEmpty)
    }

    @Test("the room could not be made: the incident runs in the origin channel, which hears why")
    func roomFails() throws {
        var desk = desk()
        _ = desk.handle(text: "declare checkout is slow sev2", by: alice, in: origin, at: now)
        let result = desk.roomFailed(IncidentID(12), reason: "missing_scope (needs channels:manage)", at: at(0.1))
        let incident = try #require(desk.incidents[IncidentID(12)])
        #expect(incident.channel == origin)
        #expect(incident.room?.failure == "missing_scope (needs channels:manage)")
        #expect(desk.latest[origin] == IncidentID(12))
        #expect(result.outcome.replies.first?.lines.map(\.key) == [.roomFailed, .declared, .declaredIncidentId])
        #expect(result.outcome.rooms == [RoomJob(.refreshCard, incident: IncidentID(12), channel: origin)])
        // The card lives in the origin channel then; no one is invited anywhere.
        let assigned = desk.handle(text: "assign <@U2|hayley> look in 5m", by: alice, in: origin, at: at(1))
        #expect(!assigned.outcome.rooms.contains { if case .invite = $0.action { true } else { false } })
    }

    @Test("the card's post is recorded, changes nothing on the card, and /ic status says where it is")
    func cardPosted() throws {
        var desk = opened()
        let posted = desk.cardPosted(IncidentID(12), message: "1700000000.000100", in: room, at: at(0.2))
        #expect(posted.outcome.records.map(\.event) == [.cardPosted(channel: room, message: "1700000000.000100")])
        #expect(posted.outcome.rooms.isEmpty)
        let same = desk.cardPosted(IncidentID(12), message: "1700000000.000100", in: room, at: at(0.3))
        #expect(same.outcome.isEmpty)
        let status = desk.handle(text: "status", by: alice, in: room, at: at(1))
        let last = try #require(status.outcome.replies.first?.lines.last)
        #expect(last.key == .statusCardWhere)
        #expect(last.values["room"] == .channel(id: "CROOM", name: "inc-12-checkout-is-slow"))
    }

    @Test("the announcements channel hears each turn, with the room's link; a drill is not announced")
    func announcementsChannel() {
        var desk = desk(announce: true)
        _ = desk.handle(text: "declare checkout is slow sev2", by: alice, in: origin, at: now)
        var heard: [PhraseKey] = []
        func note(_ result: Desk.Result) {
            for told in result.outcome.elsewhere where told.channel == announcements {
                heard += told.reply.lines.map(\.key)
                #expect(
                    told.reply.lines.allSatisfy {
                        $0.values["room"] == nil
                            || $0.values["room"] == .channel(id: "CROOM", name: "inc-12-checkout-is-slow")
                    })
            }
        }
        note(desk.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1)))
        note(desk.handle(text: "lead", by: alice, in: room, at: at(1)))
        note(desk.handle(text: "note looking at graphs", by: alice, in: room, at: at(2)))
        note(desk.handle(text: "sev 1", by: alice, in: room, at: at(3)))
        note(desk.handle(text: "handover <@U2|hayley>", by: alice, in: room, at: at(4)))
        note(desk.handle(text: "accept", by: hayley, in: room, at: at(5)))
        note(desk.handle(text: "resolve", by: hayley, in: room, at: at(6)))
        note(desk.handle(text: "resolve confirm", by: hayley, in: room, at: at(6.5)))
        #expect(
            heard == [
                .announceDeclared, .announceCommander, .announceSeverity, .announceCommander, .announceResolved,
            ])

        var early = self.desk(announce: true)
        _ = early.handle(text: "declare checkout is slow", by: alice, in: origin, at: now)
        _ = early.handle(text: "lead", by: alice, in: origin, at: at(0.05))
        let opened = early.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1))
        #expect(opened.outcome.elsewhere.flatMap(\.reply.lines).map(\.key) == [.announceDeclared, .announceCommander])

        var drills = self.desk(announce: true)
        _ = drills.handle(text: "declare drill checkout is slow", by: alice, in: origin, at: now)
        let drill = drills.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1))
        #expect(drill.outcome.elsewhere.isEmpty)
    }

    @Test("folded again from its log (a restart), the incident is in its room with everyone it invited")
    func foldRestoresTheRoom() throws {
        var desk = opened()
        _ = desk.handle(text: "lead", by: alice, in: room, at: at(1))
        _ = desk.handle(text: "assign <@U2|hayley> check the database in 10m", by: alice, in: room, at: at(2))
        let live = try #require(desk.incidents[IncidentID(12)])
        var records: [IncidentRecord] = []
        var replay = self.desk()
        records += replay.handle(text: "declare checkout is slow sev2", by: alice, in: origin, at: now).outcome.records
        records +=
            replay.roomOpened(IncidentID(12), room: room, name: "inc-12-checkout-is-slow", at: at(0.1))
            .outcome.records
        records += replay.handle(text: "lead", by: alice, in: room, at: at(1)).outcome.records
        records +=
            replay.handle(text: "assign <@U2|hayley> check the database in 10m", by: alice, in: room, at: at(2))
            .outcome.records
        // The store keeps the incident under the channel it runs in: the room.
        let folded = Incident.fold(id: IncidentID(12), channel: room, records: records)
        #expect(folded.channel == room)
        #expect(folded.room == live.room)
        #expect(Set(folded.room?.invited.keys ?? [:].keys) == ["U1", "U2"])
    }

    @Test("a room's opening and failure are on the timeline; the card's bookkeeping is not")
    func timeline() {
        let records = [
            IncidentRecord(
                at: now, actor: alice,
                event: .declared(
                    title: "checkout is slow", severity: .highest, severityGiven: true, drill: false,
                    firstUpdateDue: at(20))),
            IncidentRecord(at: now, actor: alice, event: .roomRequested(name: "inc-12-x", origin: origin)),
            IncidentRecord(at: at(0.5), actor: nil, event: .roomOpened(channel: room, name: "inc-12-x")),
            IncidentRecord(at: at(0.6), actor: nil, event: .cardPosted(channel: room, message: "1.2")),
        ]
        let timeline = Timeline(id: IncidentID(12), channel: room, records: records, now: at(60))
        #expect(timeline.entries.map(\.line.key) == [.timelineDeclared, .timelineRoomOpened])
    }

    @Test("the room is archived archive_after past the postmortem's being done, once; never when off")
    func archive() throws {
        var desk = opened()
        desk.rules.rooms.archiveAfter = .hours(24)
        _ = desk.handle(text: "lead", by: alice, in: room, at: at(1))
        _ = desk.handle(text: "resolve confirm", by: alice, in: room, at: at(30))
        _ = desk.handle(text: "postmortem <@U2|hayley>", by: alice, in: room, at: at(31))
        let done = desk.handle(text: "postmortem done https://wiki.example.com/pm/12", by: hayley, in: room, at: at(60))
        #expect(done.incident == IncidentID(12))
        #expect(desk.nextDeadline() == at(60 + 24 * 60))
        #expect(desk.due(at: at(60 + 24 * 60 - 1)).isEmpty)
        let fired = desk.due(at: at(60 + 24 * 60))
        let outcome = try #require(fired.first?.1)
        #expect(outcome.records.map(\.event) == [.roomArchived])
        #expect(outcome.replies.first?.lines.first?.key == .roomArchiving)
        #expect(outcome.rooms == [RoomJob(.archive, incident: IncidentID(12), channel: room)])
        #expect(desk.nextDeadline() == nil)
        #expect(desk.incidents[IncidentID(12)]?.room?.isArchived == true)

        var off = opened()
        _ = off.handle(text: "lead", by: alice, in: room, at: at(1))
        _ = off.handle(text: "resolve confirm", by: alice, in: room, at: at(30))
        _ = off.handle(text: "postmortem <@U2|hayley>", by: alice, in: room, at: at(31))
        _ = off.handle(text: "postmortem done https://wiki.example.com/pm/12", by: hayley, in: room, at: at(60))
        #expect(off.nextDeadline() == nil)
    }
}
