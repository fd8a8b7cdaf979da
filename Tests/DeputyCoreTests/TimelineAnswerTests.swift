import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("/ic timeline's answer in the core")
struct TimelineAnswerTests {
    @Test("the core answers privately with the export line, which names the incident for the desk")
    func coreAnswer() throws {
        var desk = Desk(rules: Rules())
        _ = desk.handle(text: "declare db down", by: Fixtures.alice, in: Fixtures.channel, at: Fixtures.start)
        let outcome = desk.handle(text: "timeline", by: Fixtures.hayley, in: Fixtures.channel, at: Fixtures.start)
        #expect(outcome.outcome.records.isEmpty)
        let reply = try #require(outcome.outcome.replies.first)
        #expect(reply.audience == .privately(Fixtures.hayley))
        #expect(reply.lines.map { Timeline.incident(askedFor: $0) } == [IncidentID(1)])
    }

    @Test("only the export line stands for a request")
    func onlyExportLine() {
        #expect(Timeline.incident(askedFor: Line(.timelineSeeExport, ["incident": .text("INC-1")])) == nil)
        #expect(Timeline.incident(askedFor: Line(.actionsHeader, ["incident": .plain("INC-1")])) == nil)
        #expect(Timeline.incident(askedFor: Timeline.exportLine(of: IncidentID(7))) == IncidentID(7))
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
