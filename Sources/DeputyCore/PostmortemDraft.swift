import Foundation

/// The postmortem draft Deputy writes from an incident's log, following the notes' report:
/// summary, impact, timeline, contributing factors, action items, external message. Pre-filled
/// where the log knows; everything else is a prompt for the owner. Lines of the phrasebook, so
/// the words are the team's and typed text is escaped by whoever renders them (Markdown for the
/// export, the platform in chat).
public struct PostmortemDraft: Sendable {
    /// The incident, folded from its whole log.
    public var incident: Incident
    /// The timeline of that log.
    public var timeline: Timeline

    /// The draft of `incident`, folded from `records`, its whole log; `now` ends the durations of
    /// an incident still active.
    public init(incident: Incident, records: [IncidentRecord], now: Date, rules: Rules = Rules()) {
        self.incident = incident
        self.timeline = Timeline(id: incident.id, channel: incident.channel, records: records, now: now, rules: rules)
    }

    /// The draft of the incident whose whole log is `records`; `rules` hold the score's targets.
    public init(id: IncidentID, channel: ChannelKey, records: [IncidentRecord], now: Date, rules: Rules = Rules()) {
        self.init(
            incident: Incident.fold(id: id, channel: channel, records: records), records: records, now: now,
            rules: rules)
    }

    /// Where to print the draft when the log cannot be read: `deputy export`.
    public static func exportLine(of id: IncidentID) -> Line {
        Line(.postmortemDraftSeeExport, ["incident": .plain(id.description)])
    }

    /// Every line of the draft, in order; rendered one per line they are a Markdown document.
    public var lines: [Line] {
        var lines = [
            Line(
                .postmortemDraftTitle,
                [
                    "incident": .plain(incident.id.description), "severity": .plain(incident.severity.description),
                    "title": .text(incident.title),
                ]),
            Line(.postmortemDraftIntro),
        ]
        if incident.drill { lines.append(Line(.timelineDrill)) }
        lines += summary + impact + timelineSection + scoreSection + contributingFactors + actionItems + externalMessage
        return lines
    }

    /// The draft as Markdown, typed text escaped for it, times in `timeZone`; ends with a newline.
    public func markdown(phrasebook: Phrasebook, timeZone: TimeZone) -> String {
        let style = Timeline.style(timeZone: timeZone, escape: TypedText.markdown)
        return lines.map { phrasebook.render($0, style: style) }.joined(separator: "\n") + "\n"
    }

    private var summary: [Line] {
        var lines = [Line(.postmortemDraftSummaryHeader)]
        if let text = incident.summary {
            lines.append(Line(.postmortemDraftSummary, ["text": .text(text)]))
        }
        lines.append(Line(.postmortemDraftSummaryPrompt))
        return lines
    }

    private var impact: [Line] {
        let durations = timeline.durations
        var lines = [Line(.postmortemDraftImpactHeader)]
        if let impact = incident.impact {
            lines.append(Line(.postmortemDraftImpactText, ["text": .text(impact.text)]))
        } else {
            lines.append(Line(.postmortemDraftImpactTextPrompt))
        }
        if let start = durations.impactStart, let span = durations.impactToDeclare {
            lines.append(Line(.postmortemDraftImpactStart, ["time": .moment(start), "elapsed": .duration(span)]))
        } else {
            lines.append(Line(.postmortemDraftImpactStartPrompt))
        }
        let key: PhraseKey = durations.ongoing ? .postmortemDraftDurationOngoing : .postmortemDraftDuration
        lines.append(Line(key, ["elapsed": .duration(durations.total)]))
        lines.append(Line(.postmortemDraftSeverity, ["severity": .plain(incident.severity.description)]))
        lines += [
            Line(.postmortemDraftCustomersPrompt), Line(.postmortemDraftSupportPrompt),
            Line(.postmortemDraftFunctionalityPrompt), Line(.postmortemDraftMetricsPrompt),
        ]
        return lines
    }

    /// The timeline's own lines: key durations, responders, then the table of facts.
    private var timelineSection: [Line] {
        var lines = [Line(.postmortemDraftTimelineHeader)]
        lines += timeline.durationLines.map { Line(.postmortemDraftBullet, ["line": .lines([$0])]) }
        lines += timeline.responderLines.map { Line(.postmortemDraftSubBullet, ["line": .lines([$0])]) }
        lines.append(
            Line(
                .postmortemDraftTableHeader,
                [
                    "time": .lines([Line(.timelineColumnTime)]), "elapsed": .lines([Line(.timelineColumnElapsed)]),
                    "fact": .lines([Line(.timelineColumnFact)]),
                ]))
        lines += timeline.entries.map { entry in
            Line(
                .postmortemDraftTableRow,
                ["time": .moment(entry.at), "elapsed": .duration(entry.elapsed), "fact": .lines([entry.line])])
        }
        return lines
    }

    /// How the response ran: the practice score, measure by measure, once the incident is closed.
    private var scoreSection: [Line] {
        let lines = timeline.scoreLines
        guard !lines.isEmpty else { return [] }
        return [Line(.postmortemDraftScoreHeader)] + lines.map { Line(.postmortemDraftBullet, ["line": .lines([$0])]) }
    }

    private var contributingFactors: [Line] {
        [
            Line(.postmortemDraftFactorsHeader), Line(.postmortemDraftFactorsConditions),
            Line(.postmortemDraftFactorsDesign), Line(.postmortemDraftFactorsForesight),
            Line(.postmortemDraftFactorsDetection), Line(.postmortemDraftFactorsNoBlame),
        ]
    }

    private var actionItems: [Line] {
        var lines = [Line(.postmortemDraftActionsHeader)]
        if incident.actionItems.isEmpty { lines.append(Line(.postmortemDraftNoActions)) }
        lines += incident.actionItems.map { item in
            Line(
                item.isDone ? .postmortemDraftActionDone : .postmortemDraftAction,
                ["number": .plain("#\(item.number)"), "text": .text(item.text)])
        }
        guard !incident.followUpItems.isEmpty else { return lines }
        lines.append(Line(.postmortemDraftCandidatesHeader))
        lines += incident.followUpItems.map(candidate)
        return lines
    }

    private func candidate(_ item: FollowUpItem) -> Line {
        switch item {
        case .todo(let text):
            Line(.postmortemDraftCandidate, ["text": .text(text)])
        case .openTask(let id):
            Line(
                .postmortemDraftCandidateTask,
                ["task_id": .plain(id.description), "task": .text(incident.task(id)?.text ?? "")])
        case .severityQuestioned(let user, let asked, let treatedAs):
            Line(
                .postmortemDraftCandidateSeverity,
                [
                    "user": .user(user), "severity": .plain(asked.description),
                    "treated_as": .plain(treatedAs.description),
                ])
        }
    }

    private var externalMessage: [Line] {
        [
            Line(.postmortemDraftExternalHeader), Line(.postmortemDraftExternalPrompt),
            Line(.postmortemDraftExternalWording),
        ]
    }
}
