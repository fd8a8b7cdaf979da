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

    /// `replies` with each answer the core left for the desk, completed from the incident's log:
    /// `/ic timeline`'s export line becomes the summary, then the signed link when Deputy has a
    /// public address (else the export line stays as it was); `/ic postmortem draft`'s becomes
    /// the draft. A log that cannot be read leaves the core's answer, which is still true.
    func completingFromLog(_ replies: [Reply], at now: Date) async -> [Reply] {
        let asked = { (line: Line) in
            Timeline.incident(askedFor: line) != nil || PostmortemDraft.incident(askedFor: line) != nil
        }
        guard replies.contains(where: { $0.lines.contains(where: asked) }) else { return replies }
        var completed: [Reply] = []
        for reply in replies {
            var lines: [Line] = []
            for line in reply.lines {
                if let id = Timeline.incident(askedFor: line), let timeline = await timeline(of: id, at: now) {
                    lines += timeline.answer(link: timelineLinks?.link(for: id))
                } else if let id = PostmortemDraft.incident(askedFor: line), let draft = await draft(of: id, at: now) {
                    lines += draft.lines
                } else {
                    lines.append(line)
                }
            }
            completed.append(Reply(reply.audience, lines))
        }
        return completed
    }

    private func timeline(of id: IncidentID, at now: Date) async -> Timeline? {
        do {
            return try await StoreTimelines(executor: executor).timeline(of: id, at: now)
        } catch {
            logger.warning("cannot read a timeline", metadata: ["incident": "\(id)", "error": "\(error)"])
            return nil
        }
    }

    private func draft(of id: IncidentID, at now: Date) async -> PostmortemDraft? {
        do {
            return try await executor.run { store in
                try store.log(of: id).map { log in
                    PostmortemDraft(id: id, channel: log.channel, records: log.records, now: now)
                }
            }
        } catch {
            logger.warning("cannot read a postmortem draft", metadata: ["incident": "\(id)", "error": "\(error)"])
            return nil
        }
    }
}
