import DeputyCore
import Foundation
import Mustache

/// The report page's HTML, rendered server-side from `report.mustache` (read from disk once, at
/// start-up) with every word from the phrasebook: a table of the closed incidents and an inline
/// SVG chart of each measure's share met. The template escapes every value.
public struct ReportPage: Sendable {
    /// The template's file name in the templates folder.
    public static let templateFile = "report.mustache"

    /// Why the page cannot be served: the timeline page's error, naming the file.
    public typealias LoadError = TimelinePage.LoadError

    let template: MustacheTemplate
    let phrasebook: Phrasebook
    let calendar: TeamCalendar

    /// The page from `folder/report.mustache`; throws when the file is missing, unreadable or
    /// not a valid template.
    public init(folder: String, phrasebook: Phrasebook, calendar: TeamCalendar) throws(LoadError) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Self.templateFile).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read the report page's template (is the file there?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(description: "\(path): the report page's template is not UTF-8 text")
        }
        try self.init(template: text, file: path, phrasebook: phrasebook, calendar: calendar)
    }

    /// The page from a template's text; `file` names it in errors.
    public init(template text: String, file: String, phrasebook: Phrasebook, calendar: TeamCalendar) throws(LoadError) {
        do {
            self.template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let at = error.context
            throw LoadError(
                description: "\(file):\(at.lineNumber):\(at.columnNumber): the report page's template is broken "
                    + "(\(error.error)): \(at.line)")
        } catch {
            throw LoadError(description: "\(file): the report page's template is broken (\(error))")
        }
        self.phrasebook = phrasebook
        self.calendar = calendar
    }

    /// The whole HTML page of `report`, which holds what `query` selects at `now`; `timeline`
    /// links an incident to its timeline page, when it can.
    public func render(
        _ report: PracticeReport, query: PracticeReport.Query, now: Date,
        timeline: (IncidentID) -> String? = { _ in nil }
    ) -> String {
        template.render(context(report, query: query, now: now, timeline: timeline))
    }

    /// What the template sees. Every value is plain text; the template escapes it.
    func context(
        _ report: PracticeReport, query: PracticeReport.Query, now: Date, timeline: (IncidentID) -> String?
    ) -> [String: Any] {
        func words(_ line: Line) -> String { phrasebook.render(line, style: style) }
        func words(_ value: PhraseValue) -> String { phrasebook.render(value, style: style) }
        var context: [String: Any] = [
            "title": words(Line(.reportPageTitle)),
            "columnIncident": words(Line(.reportColumnIncident)),
            "columnClosed": words(Line(.reportColumnClosed)),
            "columnSeverity": words(Line(.reportColumnSeverity)),
            "columnTitle": words(Line(.reportColumnTitle)),
            "columnScore": words(Line(.reportColumnScore)),
        ]
        context["summary"] = words(report.summary(query: query, now: now))
        guard !report.rows.isEmpty else { return context }
        let rows = report.rows.map { row -> [String: Any] in
            var values: [String: Any] = [
                "incident": row.id.description, "closed": words(.moment(row.closedAt)),
                "datetime": TimelinePage.machineTime(row.closedAt), "severity": row.severity.description,
                "title": row.title, "score": words(row.totalValue),
            ]
            if let href = timeline(row.id) { values["href"] = href }
            if row.drill { values["drill"] = words(Line(.reportDrill)) }
            return values
        }
        context["table"] = ["rows": rows]
        context["chart"] = chart(report)
        return context
    }

    /// Plain text in the team's time zone: the template does the escaping.
    private var style: RenderStyle { Timeline.style(timeZone: calendar.timeZone) }

    /// The chart's numbers and words: grid, incidents along the bottom, one line per measure with
    /// a titled point for each incident it was measured in, and the legend.
    private func chart(_ report: PracticeReport) -> [String: Any] {
        let chart = ReportChart(report)
        let number = ReportChart.number
        func words(_ line: Line) -> String { phrasebook.render(line, style: style) }
        func percent(_ share: Double?) -> String { phrasebook.render(PracticeReport.percent(share), style: style) }
        let trends = Dictionary(uniqueKeysWithValues: report.trends.map { ($0.kind, $0) })
        return [
            "width": number(ReportChart.width), "height": number(ReportChart.height),
            "title": words(Line(.reportChartTitle)),
            "left": number(ReportChart.left), "right": number(ReportChart.width - ReportChart.right),
            "grid": ReportChart.gridShares.map { share -> [String: Any] in
                ["y": number(ReportChart.y(share)), "textY": number(ReportChart.y(share) + 4), "label": percent(share)]
            },
            "labelsY": number(ReportChart.height - ReportChart.bottom + 18),
            "labels": chart.labels.map { ["x": number($0.x), "incident": $0.incident.description] },
            "series": chart.series.map { series -> [String: Any] in
                let name = trends[series.kind].map { words($0.nameLine) } ?? series.kind.rawValue
                return [
                    "kind": series.kind.rawValue, "name": name, "points": series.polyline,
                    "dots": series.points.map { point -> [String: Any] in
                        let title = Line(
                            .reportChartPoint,
                            [
                                "measure": .plain(name), "incident": .plain(point.incident.description),
                                "share": PracticeReport.percent(point.share),
                            ])
                        return ["x": number(point.x), "y": number(point.y), "title": words(title)]
                    },
                ]
            },
            "legend": report.trends.map { trend -> [String: Any] in
                let line = Line(
                    .reportLegend,
                    [
                        "measure": .lines([trend.nameLine]), "first": PracticeReport.percent(trend.first),
                        "last": PracticeReport.percent(trend.last), "count": .plain("\(trend.count)"),
                        "total": .plain("\(report.rows.count)"),
                    ])
                return ["kind": trend.kind.rawValue, "line": words(line)]
            },
        ]
    }
}
