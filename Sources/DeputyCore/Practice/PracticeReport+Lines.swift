import Foundation

extension PracticeReport {
    /// The longest title a row shows; a longer one is cut, with an ellipsis.
    public static let titleLength = 48

    /// The report in the phrasebook's words, for a terminal: what it holds, one line per
    /// incident, then each measure's trend. `query` and `now` say which incidents it holds;
    /// `measureNames` are the measures' names as rendered (`Trend.nameLine`), which the trends
    /// line up after.
    public func lines(
        query: Query, now: Date, calendar: TeamCalendar, measureNames: [PracticeMeasure.Kind: String]
    ) -> [Line] {
        guard !rows.isEmpty else { return [summary(query: query, now: now)] }
        var lines = [summary(query: query, now: now)] + rows.map { $0.line(calendar: calendar) }
        lines.append(Line(.reportTrendsHeader))
        let width = trends.map { measureNames[$0.kind]?.count ?? 0 }.max() ?? 0
        for trend in trends {
            let name = measureNames[trend.kind] ?? trend.kind.rawValue
            lines.append(
                Line(
                    .reportTrend,
                    [
                        "measure": .plain(name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0)),
                        "shares": .plain(trend.sparkline), "first": Self.percent(trend.first),
                        "last": Self.percent(trend.last), "count": .plain("\(trend.count)"),
                        "total": .plain("\(rows.count)"),
                    ]))
        }
        return lines
    }

    /// What the report holds: the incidents closed since the window's start (in the channel
    /// `query` names), or that there are none.
    public func summary(query: Query, now: Date) -> Line {
        var values: [String: PhraseValue] = ["time": .moment(query.start(at: now))]
        if let channel = query.channel { values["channel"] = .text(channel) }
        let inChannel = query.channel != nil
        if rows.isEmpty { return Line(inChannel ? .reportNoneInChannel : .reportNone, values) }
        return Line(inChannel ? .reportHeaderInChannel : .reportHeader, values)
    }

    /// A share as a percentage, in the phrasebook's words.
    public static func percent(_ share: Double?) -> PhraseValue {
        guard let share else { return .lines([Line(.reportScoreNone)]) }
        return .lines([Line(.reportPercent, ["percent": .plain("\(Int((share * 100).rounded()))")])])
    }

    /// `title`, cut to `titleLength` characters.
    public static func shortened(_ title: String) -> String {
        title.count <= titleLength ? title : String(title.prefix(titleLength - 1)) + "…"
    }
}

extension PracticeReport.Row {
    /// The row's total in the phrasebook's words: `76`, or a dash when nothing was measured.
    public var totalValue: PhraseValue {
        guard let total else { return .lines([Line(.reportScoreNone)]) }
        return .lines([Line(.reportScore, ["score": .plain("\(total)")])])
    }

    /// The row as one line: id, the day it closed, a drill's mark, its title and its total.
    func line(calendar: TeamCalendar) -> Line {
        Line(
            drill ? .reportRowDrill : .reportRow,
            [
                "incident": .plain(id.description),
                "date": .plain(LocalDate(closedAt, in: calendar.calendar).description),
                "title": .text(PracticeReport.shortened(title)), "score": totalValue,
            ])
    }
}

extension PracticeReport.Trend {
    /// The measure's name in the phrasebook's words.
    public var nameLine: Line { Line(kind.nameKey) }

    /// The shares as one block character each, lowest `▁` to highest `█`; `·` where the
    /// measure was not measured.
    public var sparkline: String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(
            shares.map { share in
                share.map { blocks[Int((min(1, max(0, $0)) * Double(blocks.count - 1)).rounded())] } ?? "·"
            })
    }
}
