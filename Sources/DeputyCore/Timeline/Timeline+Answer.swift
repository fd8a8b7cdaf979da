import Foundation

extension Timeline {
    /// Where to read the whole timeline of `id` when no link can be handed out, or when the log
    /// cannot be read: `deputy export`.
    public static func exportLine(of id: IncidentID) -> Line {
        Line(.timelineSeeExport, ["incident": .plain(id.description)])
    }

    /// `/ic timeline`'s answer: when it was declared and for how long it has run, how many
    /// entries the timeline holds, the key durations on one line, then the page's link (valid
    /// until `expires`) or, without one, where to print the timeline.
    public func answer(link: (url: String, expires: Date)?) -> [Line] {
        let closed = !durations.ongoing
        var lines = [
            Line(
                closed ? .timelineAnswerClosed : .timelineAnswerActive,
                [
                    "incident": .plain(incident.description), "severity": .plain(severity.description),
                    "title": .text(title), "time": .moment(declaredAt), "elapsed": .duration(durations.total),
                    "count": .plain("\(entries.count)"),
                ]),
            Line(.timelineAnswerDurations, ["durations": .list(answerDurations.map { .lines([$0]) })]),
        ]
        if let link {
            lines.append(
                Line(
                    .timelineLink,
                    ["incident": .plain(incident.description), "link": .text(link.url), "time": .moment(link.expires)]
                ))
        } else {
            lines.append(Self.exportLine(of: incident))
        }
        return lines
    }

    /// The key durations short enough for a chat answer: impact to declare (when known), time to
    /// the incident commander and to the first stakeholder update, and the number of responders.
    private var answerDurations: [Line] {
        durationLines.filter { line in
            switch line.key {
            case .timelineImpactToDeclare, .timelineTimeToCommander, .timelineTimeToCommanderNone,
                .timelineTimeToFirstUpdate, .timelineTimeToFirstUpdateNone, .timelineResponders:
                true
            default: false
            }
        }
    }
}
