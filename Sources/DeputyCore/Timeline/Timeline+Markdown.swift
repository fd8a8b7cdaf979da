import Foundation

extension Timeline {
    /// The timeline as a Markdown document: the title, the key durations, then a table of every
    /// entry with its time (date and zone), the time since the declare, and what happened.
    /// Every word comes from `phrasebook`; links people typed stay links.
    public func markdown(phrasebook: Phrasebook, timeZone: TimeZone) -> String {
        let style = Self.style(timeZone: timeZone, escape: TypedText.markdown)
        func words(_ line: Line) -> String { phrasebook.render(line, style: style) }
        var out = ["# " + words(titleLine), ""]
        if drill { out += [words(Line(.timelineDrill)), ""] }
        out += ["## " + words(Line(.timelineDurationsHeader)), ""]
        out += durationLines.map { "- " + words($0) }
        out += responderLines.map { "  - " + words($0) }
        if !scoreLines.isEmpty {
            out += ["", "## " + words(Line(.timelineScoreHeader)), ""]
            out += scoreLines.map { "- " + words($0) }
        }
        out += ["", "## " + words(Line(.timelineEntriesHeader)), ""]
        let columns = [PhraseKey.timelineColumnTime, .timelineColumnElapsed, .timelineColumnFact]
        out.append("| " + columns.map { words(Line($0)) }.joined(separator: " | ") + " |")
        out.append("| --- | --- | --- |")
        for entry in entries {
            let cells = [
                phrasebook.render(.moment(entry.at), style: style), phrasebook.words(for: entry.elapsed),
                words(entry.line),
            ]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
