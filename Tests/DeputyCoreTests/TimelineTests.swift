import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("The timeline is the log's facts, oldest first, with the key durations")
struct TimelineTests {
    let alice = Fixtures.alice
    let hayley = Fixtures.hayley
    let tatiana = Fixtures.tatiana
    let camden = Fixtures.camden

    func timeline(_ script: [ScriptedIncident.Step], now minutes: Double = 120) -> Timeline {
        let (_, records) = ScriptedIncident.play(script)
        return Timeline(
            id: IncidentID(1), channel: Fixtures.channel, records: records,
            now: Fixtures.start.addingTimeInterval(minutes * 60))
    }

    /// An entry as (seconds since declare, kind, phrase key): what the assertions compare.
    func shape(_ entry: TimelineEntry) -> String {
        "\(entry.elapsed.seconds) \(entry.kind.rawValue) \(entry.line.key.rawValue)"
    }

    @Test("every fact of the scripted incident, in order, at its time since declare")
    func entriesInOrder() {
        let timeline = timeline(ScriptedIncident.checkout)
        #expect(
            timeline.entries.map(shape) == [
                "0 declared timeline_declared",
                "0 joined timeline_joined",
                "120 command_claimed timeline_command_claimed",
                "180 joined timeline_joined",
                "180 role_assigned timeline_role_assigned",
                "240 joined timeline_joined",
                "240 task_assigned timeline_task_assigned",
                "300 task_acknowledged timeline_task_acknowledged",
                "360 joined timeline_joined",
                "360 task_assigned timeline_task_assigned",
                "480 note timeline_note",
                "540 impact timeline_impact_since",
                "600 phase_started timeline_phase_started",
                "660 unanswered_nudge timeline_unanswered_follow_up",
                "720 stakeholder_update timeline_stakeholder_update",
                "900 finding timeline_task_finding",
                "960 unanswered_nudge timeline_unanswered_escalation",
                "1200 task_done timeline_task_done_with_finding",
                "1500 proposed timeline_proposed",
                "1620 decided timeline_decided_by_silence",
                "1800 phase_started timeline_phase_started",
                "1920 unanswered_nudge timeline_unanswered_update_due",
                "2130 resolved timeline_resolved",
            ])
        #expect(timeline.entries.map(\.at) == timeline.entries.map(\.at).sorted())
        #expect(timeline.entries.first?.at == Fixtures.start)
        #expect(timeline.status == .resolved(at: Fixtures.start.addingTimeInterval(2130)))
    }

    @Test("an entry carries who, the task, the typed text and its links")
    func entryValues() throws {
        let entries = timeline(ScriptedIncident.checkout).entries
        let assigned = try #require(entries.first { $0.kind == .taskAssigned })
        #expect(assigned.actor == alice)
        #expect(assigned.task == TaskID(1))
        #expect(assigned.line.values["owner"] == .user(hayley))
        #expect(assigned.line.values["task"] == .text("check the payment API error rate"))
        #expect(assigned.line.values["timebox"] == .duration(.minutes(10)))
        let note = try #require(entries.first { $0.kind == .note })
        #expect(note.line.values["text"] == .text("error graph https://grafana.example/d/pay?from=now-1h"))
        #expect(note.links == ["https://grafana.example/d/pay?from=now-1h"])
        let impact = try #require(entries.first { $0.kind == .impact })
        #expect(impact.line.values["time"] == .moment(Fixtures.start.addingTimeInterval(-600)))
        let decided = try #require(entries.first { $0.kind == .decided })
        #expect(decided.actor == nil)
        #expect(decided.proposal == ProposalID(1))
        #expect(decided.line.values["action"] == .text("fail over the database to the replica"))
    }

    @Test("a reminder the owner answered is left out; one nothing answered is on the timeline")
    func unansweredNudges() {
        let entries = timeline(ScriptedIncident.checkout).entries
        let nudges = entries.filter { $0.kind == .unansweredNudge }
        // T1's follow-up (at 14 minutes) was answered by hayley's finding at 15: not shown.
        #expect(!nudges.contains { $0.task == TaskID(1) })
        // T2's follow-up went unanswered until the escalation, and the escalation until the end.
        #expect(
            nudges.filter { $0.task == TaskID(2) }.map(\.line.key) == [
                .timelineUnansweredFollowUp, .timelineUnansweredEscalation,
            ])
        #expect(nudges.filter { $0.task == TaskID(2) }.allSatisfy { $0.line.values["user"] == .user(camden) })
    }

    @Test("a reminder answered by someone else than the owner still went unanswered")
    func answeredOnlyByTheOwner() {
        let script: [ScriptedIncident.Step] = [
            (0, alice, "declare db down sev2"), (1, alice, "lead"),
            (2, alice, "assign @hayley check replication in 5m"),
            (8, alice, "extend T1 10m"), (30, alice, "note still nothing from hayley"),
        ]
        let nudges = timeline(script).entries.filter { $0.kind == .unansweredNudge && $0.task == TaskID(1) }
        // The IC's extension is not hayley's answer: every reminder to her went unanswered.
        #expect(nudges.map { $0.elapsed.seconds } == [420, 1080, 1380])
        #expect(
            nudges.map(\.line.key) == [
                .timelineUnansweredFollowUp, .timelineUnansweredFollowUp, .timelineUnansweredEscalation,
            ])
    }

    @Test("the key durations of the scripted incident")
    func keyDurations() {
        let durations = timeline(ScriptedIncident.checkout).durations
        #expect(durations.impactStart == Fixtures.start.addingTimeInterval(-600))
        #expect(durations.impactToDeclare == .minutes(10))
        #expect(durations.timeToCommander == .minutes(2))
        #expect(durations.timeToFirstUpdate == .minutes(12))
        #expect(
            durations.phases == [
                .init(phase: .mobilize, span: .minutes(20)), .init(phase: .resolve, span: .seconds(330)),
            ])
        #expect(durations.total == .seconds(2130))
        #expect(!durations.ongoing)
        #expect(
            durations.responders == [
                .init(user: alice, span: .seconds(2130)), .init(user: tatiana, span: .seconds(1950)),
                .init(user: hayley, span: .seconds(1890)), .init(user: camden, span: .seconds(1770)),
            ])
    }

    @Test("an active incident's durations run to now; a release stops a responder's time")
    func ongoingIncident() {
        let script: [ScriptedIncident.Step] = [
            (0, alice, "declare db down"), (1, alice, "lead"), (5, hayley, "join"), (20, alice, "release @hayley"),
        ]
        let durations = timeline(script, now: 30).durations
        #expect(durations.ongoing)
        #expect(durations.total == .minutes(30))
        #expect(durations.timeToCommander == .minutes(1))
        #expect(durations.timeToFirstUpdate == nil)
        #expect(durations.impactStart == nil)
        #expect(durations.phases.isEmpty)
        #expect(
            durations.responders == [.init(user: alice, span: .minutes(30)), .init(user: hayley, span: .minutes(15))])
    }

    @Test("time while resolved counts for no phase and no responder, until a reopen")
    func reopenResumes() {
        let script: [ScriptedIncident.Step] = [
            (0, alice, "declare db down sev3"), (1, alice, "lead"), (2, alice, "phase mobilize"),
            (10, alice, "resolve"), (10, alice, "resolve confirm"), (40, alice, "reopen"), (50, alice, "resolve"),
            (50, alice, "resolve confirm"),
        ]
        let timeline = timeline(script)
        #expect(timeline.durations.phases == [.init(phase: .mobilize, span: .minutes(18))])
        #expect(timeline.durations.responders == [.init(user: alice, span: .minutes(20))])
        #expect(timeline.durations.total == .minutes(50))
        #expect(timeline.entries.filter { $0.kind == .resolved }.count == 2)
        #expect(timeline.entries.contains { $0.kind == .reopened })
    }

    @Test("links in typed text are found and kept as links in Markdown; markup is escaped")
    func typedText() {
        #expect(
            TypedText.links(in: "see https://a.example/x, and http://b.example/y).") == [
                "https://a.example/x", "http://b.example/y",
            ])
        #expect(TypedText.links(in: "no link: https:// or ftp://x") == [])
        #expect(
            TypedText.markdown("p99 *high* | see (https://g.example/d?a=1_2).")
                == "p99 \\*high\\* \\| see (<https://g.example/d?a=1_2>).")
        #expect(TypedText.markdown("line one\nline two") == "line one line two")
    }

    @Test("command changes say who handed over to whom; severity and roles are facts too")
    func commandChanges() throws {
        let script: [ScriptedIncident.Step] = [
            (0, alice, "declare db down sev3"), (1, alice, "lead"), (2, alice, "role deputy @tatiana"),
            (3, alice, "sev 2"), (4, alice, "role sme @hayley database"), (5, alice, "handover @tatiana"),
            (6, tatiana, "accept"),
        ]
        let entries = timeline(script).entries
        let handedOver = try #require(entries.first { $0.kind == .commandHandedOver })
        #expect(handedOver.line.values["previous"] == .user(alice))
        #expect(handedOver.line.values["user"] == .user(tatiana))
        #expect(handedOver.elapsed == .minutes(6))
        let severity = try #require(entries.first { $0.kind == .severityChanged })
        #expect(severity.line.values["severity"] == .plain("SEV-2"))
        let roles = entries.filter { $0.kind == .roleAssigned }.map { $0.line.values["role"] }
        #expect(roles == [.term(.deputy), .lines([Line(.smeRole, ["area": .text("database")])])])
        #expect(!entries.contains { $0.line.key == .timelineCommandClaimed && $0.actor == tatiana })
    }

    @Test("a takeover asked for while the IC was silent says so; a decision in words keeps them")
    func silenceAndWords() throws {
        let script: [ScriptedIncident.Step] = [
            (0, alice, "declare db down sev2"), (1, alice, "lead"), (2, alice, "propose fail over to the replica"),
            (3, alice, "decide let's fail over now"), (20, hayley, "takeover"), (25, hayley, "status"),
        ]
        let entries = timeline(script, now: 30).entries
        let takenOver = try #require(entries.first { $0.kind == .commandTakenOver })
        #expect(takenOver.line.key == .timelineCommandTakenOverSilent)
        #expect(takenOver.line.values["user"] == .user(hayley) && takenOver.line.values["previous"] == .user(alice))
        #expect(takenOver.elapsed == .minutes(22))
        let decided = try #require(entries.first { $0.kind == .decided })
        #expect(decided.line.key == .timelineDecidedProceedWords)
        #expect(decided.line.values["text"] == .text("let's fail over now"))
    }

    @Test("a decision stored before decisions kept the IC's words still reads")
    func decisionWithoutWords() throws {
        let stored = #"{"decided":{"_0":{"number":1},"_1":"proceed","bySilence":false}}"#
        let event = try JSONDecoder().decode(IncidentEvent.self, from: Data(stored.utf8))
        #expect(event == .decided(ProposalID(1), .proceed, bySilence: false, words: nil))
        let written = try SortedJSON.string(IncidentEvent.decided(ProposalID(1), .proceed, bySilence: false))
        #expect(!written.contains("words"))
    }
}
