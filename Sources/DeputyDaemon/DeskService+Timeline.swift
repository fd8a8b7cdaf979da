import DeputyCore
import DeputyServer
import Foundation
import Logging

extension DeskService {
    /// Lets `/ic timeline` hand out signed links to the timeline page; called once at start-up,
    /// and only when the page is served.
    public func handOutTimelineLinks(_ links: TimelineLinks) {
        timelineLinks = links
    }

    /// `replies` with each `/ic timeline` answer the core left for the desk (its export line)
    /// completed from the incident's log: the summary, then the signed link when Deputy has a
    /// public address, else the export line as it was. A log that cannot be read leaves the
    /// core's answer, which is still true.
    func completingTimelines(_ replies: [Reply], at now: Date) async -> [Reply] {
        guard replies.contains(where: { $0.lines.contains { Timeline.incident(askedFor: $0) != nil } }) else {
            return replies
        }
        var completed: [Reply] = []
        for reply in replies {
            var lines: [Line] = []
            for line in reply.lines {
                guard let id = Timeline.incident(askedFor: line), let timeline = await timeline(of: id, at: now) else {
                    lines.append(line)
                    continue
                }
                lines += timeline.answer(link: timelineLinks?.link(for: id))
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
}
