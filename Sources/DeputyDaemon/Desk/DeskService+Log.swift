import DeputyCore
import DeputyServer
import DeputyStore
import Foundation
import Logging

extension DeskService {
    /// Lets `/ic timeline` hand out signed links to the timeline page; called once at start-up,
    /// and only when the page is served.
    public func handOutTimelineLinks(_ links: TimelineLinks) {
        timelineLinks = links
    }

    /// The outcome's replies with the answers it asked to be made from the log: `/ic timeline`'s
    /// summary, then the signed link when Deputy has a public address (else where to print it);
    /// `/ic postmortem draft`'s draft. A log that cannot be read gets the read's fallback, which
    /// says where to print it.
    func replies(of outcome: Outcome, at now: Date) async -> [Reply] {
        guard !outcome.logReads.isEmpty else { return outcome.replies }
        var answers: [LogRead: Reply] = [:]
        for read in outcome.logReads {
            switch read.kind {
            case .timeline:
                guard let timeline = await timeline(of: read.incident, at: now) else { continue }
                let link = timelineLinks?.link(for: read.incident)
                answers[read] = Reply(.privately(read.user), timeline.answer(link: link))
            case .postmortemDraft:
                guard let draft = await draft(of: read.incident, at: now) else { continue }
                answers[read] = Reply(.privately(read.user), draft.lines)
            }
        }
        return outcome.replies { answers[$0] }
    }

    private func timeline(of id: IncidentID, at now: Date) async -> Timeline? {
        do {
            return try await StoreTimelines(store: store, rules: desk.rules).timeline(of: id, at: now)
        } catch {
            logger.warning("cannot read a timeline", metadata: ["incident": "\(id)", "error": "\(error)"])
            return nil
        }
    }

    private func draft(of id: IncidentID, at now: Date) async -> PostmortemDraft? {
        do {
            return try await store.log(of: id).map { log in
                PostmortemDraft(id: id, channel: log.channel, records: log.records, now: now, rules: desk.rules)
            }
        } catch {
            logger.warning("cannot read a postmortem draft", metadata: ["incident": "\(id)", "error": "\(error)"])
            return nil
        }
    }
}
