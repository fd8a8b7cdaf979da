import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("/ic timeline's answer in the core")
struct TimelineAnswerTests {
    @Test("the core asks the desk for the log, for the one who asked; it records and says nothing itself")
    func coreAnswer() throws {
        var desk = Desk(rules: Rules())
        _ = desk.handle(text: "declare db down", by: Fixtures.alice, in: Fixtures.channel, at: Fixtures.start)
        let result = desk.handle(text: "timeline", by: Fixtures.hayley, in: Fixtures.channel, at: Fixtures.start)
        #expect(result.outcome.records.isEmpty)
        #expect(result.outcome.replies.isEmpty)
        #expect(
            result.outcome.logReads == [
                LogRead(kind: .timeline, incident: IncidentID(1), user: Fixtures.hayley, position: 0)
            ])
    }

    @Test("answers made from the log go in their places; one the log cannot give says where to print it")
    func logReadsInPlace() {
        let first = Reply.privately(Fixtures.hayley, .noteAdded)
        let last = Reply.privately(Fixtures.hayley, .todoAdded, ["text": .text("x")])
        let outcome = Outcome(
            replies: [first, last],
            logReads: [
                LogRead(kind: .timeline, incident: IncidentID(3), user: Fixtures.hayley, position: 1),
                LogRead(kind: .postmortemDraft, incident: IncidentID(3), user: Fixtures.hayley, position: 2),
            ])
        let made = Reply.privately(Fixtures.hayley, .boardNoTasks)
        let replies = outcome.replies { $0.kind == .timeline ? made : nil }
        #expect(
            replies.map { $0.lines.first?.key } == [.noteAdded, .boardNoTasks, .todoAdded, .postmortemDraftSeeExport])
    }

    @Test("the answer: summary, key durations on one line, then the link or the export line")
    func answer() {
        let records = ScriptedIncident.play(ScriptedIncident.checkout).records
        let timeline = Timeline(id: IncidentID(1), channel: Fixtures.channel, records: records, now: Fixtures.start)
        let expires = Fixtures.start.addingTimeInterval(3600)
        let linked = timeline.answer(link: ("https://d.example/incidents/INC-1?expires=1&sig=ab", expires))
        #expect(linked.map(\.key) == [.timelineAnswerClosed, .timelineAnswerDurations, .timelineLink])
        #expect(linked[0].values["count"] == .plain("\(timeline.entries.count)"))
        #expect(linked[2].values["time"] == .moment(expires))
        let unlinked = timeline.answer(link: nil)
        #expect(unlinked.map(\.key) == [.timelineAnswerClosed, .timelineAnswerDurations, .timelineSeeExport])
    }
}
