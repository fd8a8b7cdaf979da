import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("Pages, acknowledgements and alerts on the timeline and in the key durations")
struct TimelinePagingTests {
    let alice = Fixtures.alice

    func record(_ minutes: Double, _ event: IncidentEvent, by actor: User? = Fixtures.alice) -> IncidentRecord {
        IncidentRecord(at: Fixtures.start.addingTimeInterval(minutes * 60), actor: actor, event: event)
    }

    var log: [IncidentRecord] {
        [
            record(
                0,
                .declared(
                    title: "checkout is slow", severity: .highest, severityGiven: true, drill: false,
                    firstUpdateDue: Fixtures.start.addingTimeInterval(1200))),
            record(
                1,
                .alertReceived(
                    source: .alertmanager, fingerprint: "a1", firing: true, summary: "p99 > 2s", link: nil), by: nil),
            record(4, .paged(service: "database", pager: .pagerduty, message: "primary down", ackDueAt: nil)),
            record(9, .nudged(.pageUnacknowledged(service: "database")), by: nil),
            record(10, .pagerReported(service: "database", status: .acknowledged, by: "Jane Doe"), by: nil),
            record(11, .paged(service: "network", pager: .webhook, message: nil, ackDueAt: nil)),
            record(12, .pageAcknowledged(service: "network")),
            record(20, .pagerReported(service: "database", status: .resolved, by: nil), by: nil),
            record(
                21,
                .alertReceived(
                    source: .alertmanager, fingerprint: "a1", firing: false, summary: "p99 > 2s", link: nil), by: nil),
        ]
    }

    @Test("each is a fact at its time, in its words")
    func entries() {
        let timeline = Timeline(
            id: IncidentID(1), channel: Fixtures.channel, records: log, now: Fixtures.start.addingTimeInterval(3600))
        let shape = timeline.entries.map { "\($0.elapsed.seconds) \($0.kind.rawValue) \($0.line.key.rawValue)" }
        #expect(
            shape == [
                "0 declared timeline_declared",
                "60 alert timeline_alert_firing",
                "240 paged timeline_paged_with_message",
                "540 page_unacknowledged timeline_page_unacknowledged",
                "600 page_acknowledged timeline_pager_acknowledged",
                "660 paged timeline_paged",
                "720 page_acknowledged timeline_page_acknowledged",
                "1200 pager_reported timeline_pager_resolved",
                "1260 alert timeline_alert_resolved",
            ])
        let unacknowledged = timeline.entries[3].line
        #expect(unacknowledged.values["elapsed"] == .duration(.minutes(5)))
        #expect(timeline.entries[4].line.values["name"] == .text("Jane Doe"))
        #expect(timeline.entries[6].line.values["pager"] == nil)
    }

    @Test("time to mobilize is declare to first page; time to acknowledge, first page to first acknowledgement")
    func durations() {
        let durations = KeyDurations(log: log, declaredAt: Fixtures.start, end: Fixtures.start.addingTimeInterval(3600))
        #expect(durations.timeToMobilize == .minutes(4))
        #expect(durations.timeToAcknowledge == .minutes(6))
        let unpaged = KeyDurations(log: [log[0]], declaredAt: Fixtures.start, end: Fixtures.start)
        #expect(unpaged.timeToMobilize == nil)
        #expect(unpaged.timeToAcknowledge == nil)
        let timeline = Timeline(id: IncidentID(1), channel: Fixtures.channel, records: log, now: Fixtures.start)
        let keys = timeline.durationLines.map(\.key)
        #expect(keys.contains(.timelineTimeToMobilize) && keys.contains(.timelineTimeToAcknowledge))
    }

    @Test("the fold: the ack closes the IC's reminder; resolve closes every page; a re-page keeps the ack")
    func fold() {
        var records = log
        records[2] = record(
            4,
            .paged(
                service: "database", pager: .pagerduty, message: nil, ackDueAt: Fixtures.start.addingTimeInterval(540)))
        let waiting = Incident.fold(id: IncidentID(1), channel: Fixtures.channel, records: Array(records.prefix(3)))
        #expect(waiting.page(to: "database")?.ackDueAt == Fixtures.start.addingTimeInterval(540))
        #expect(waiting.nextDeadline(rules: Rules()).map { $0 <= Fixtures.start.addingTimeInterval(540) } == true)
        let acknowledged = Incident.fold(
            id: IncidentID(1), channel: Fixtures.channel, records: Array(records.prefix(5)))
        #expect(acknowledged.page(to: "database")?.acknowledgedBy == "Jane Doe")
        #expect(acknowledged.page(to: "database")?.ackDueAt == nil)
        #expect(acknowledged.alerts == ["a1": true])
        let repaged = Incident.fold(
            id: IncidentID(1), channel: Fixtures.channel,
            records: Array(records.prefix(5))
                + [record(15, .paged(service: "database", pager: .pagerduty, message: nil, ackDueAt: Fixtures.start))])
        #expect(repaged.page(to: "database")?.isAcknowledged == true)
        #expect(repaged.page(to: "database")?.ackDueAt == nil, "acknowledged already: no reminder")
        let closed = Incident.fold(
            id: IncidentID(1), channel: Fixtures.channel, records: records + [record(30, .resolved)])
        #expect(closed.pages.allSatisfy { !$0.isOpen })
    }
}
