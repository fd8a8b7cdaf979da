import Foundation

extension Timeline {
    /// The key durations as phrasebook lines, in the order they are shown: impact to declare,
    /// time to IC, time to first update, each phase, the total, and the number of responders.
    public var durationLines: [Line] {
        let durations = self.durations
        var lines: [Line] = []
        if let start = durations.impactStart, let span = durations.impactToDeclare {
            lines.append(Line(.timelineImpactToDeclare, ["time": .moment(start), "elapsed": .duration(span)]))
        } else {
            lines.append(Line(.timelineImpactToDeclareUnknown))
        }
        lines.append(
            durations.timeToCommander.map { Line(.timelineTimeToCommander, ["elapsed": .duration($0)]) }
                ?? Line(.timelineTimeToCommanderNone))
        lines.append(
            durations.timeToFirstUpdate.map { Line(.timelineTimeToFirstUpdate, ["elapsed": .duration($0)]) }
                ?? Line(.timelineTimeToFirstUpdateNone))
        if let span = durations.timeToMobilize {
            lines.append(Line(.timelineTimeToMobilize, ["elapsed": .duration(span)]))
        }
        if let span = durations.timeToAcknowledge {
            lines.append(Line(.timelineTimeToAcknowledge, ["elapsed": .duration(span)]))
        }
        for phase in durations.phases {
            lines.append(
                Line(.timelineTimeInPhase, ["phase": .term(Term(phase.phase)), "elapsed": .duration(phase.span)]))
        }
        let total: PhraseKey = durations.ongoing ? .timelineTotalDurationOngoing : .timelineTotalDuration
        lines.append(Line(total, ["elapsed": .duration(durations.total)]))
        lines.append(Line(.timelineResponders, ["count": .plain("\(durations.responders.count)")]))
        return lines
    }

    /// One line per responder with their time on the response, in the order they joined.
    public var responderLines: [Line] {
        durations.responders.map {
            Line(.timelineResponderTime, ["user": .user($0.user), "elapsed": .duration($0.span)])
        }
    }

    /// The title line: id, severity and title.
    public var titleLine: Line {
        Line(
            .timelineTitle,
            ["incident": .plain(incident.description), "severity": .plain(severity.description), "title": .text(title)])
    }

    /// The style for a timeline read outside chat: people by name, typed text escaped by `escape`,
    /// times in `timeZone`.
    public static func style(
        timeZone: TimeZone, escape: @escaping @Sendable (String) -> String = { $0 }
    )
        -> RenderStyle
    {
        RenderStyle(mention: { escape($0.name) }, escape: escape, timeZone: timeZone)
    }
}
