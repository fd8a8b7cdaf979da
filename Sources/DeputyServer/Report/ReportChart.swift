import DeputyCore
import Foundation

/// The report page's chart, as numbers for an inline SVG: one line per measure, its share met
/// from 0% (bottom) to 100% (top), the incidents in order from left to right. A measure not
/// measured in an incident has no point there; its line joins the points it has.
struct ReportChart: Sendable {
    static let width = 640.0
    static let height = 240.0
    /// Room for the share labels on the left and the incidents' ids below.
    static let left = 48.0
    static let right = 16.0
    static let top = 12.0
    static let bottom = 32.0
    /// At most this many incidents are named under the chart; the rest are skipped evenly.
    static let maxLabels = 12

    /// One incident's share of one measure, where it is drawn.
    struct Point: Hashable, Sendable {
        var x: Double
        var y: Double
        var incident: IncidentID
        var share: Double
    }

    /// One measure's line.
    struct Series: Hashable, Sendable {
        var kind: PracticeMeasure.Kind
        var points: [Point]

        /// The `points` attribute of its `<polyline>`: `x,y x,y …`.
        var polyline: String {
            points.map { ReportChart.number($0.x) + "," + ReportChart.number($0.y) }.joined(separator: " ")
        }
    }

    /// An incident named along the bottom, and where.
    struct Label: Hashable, Sendable {
        var x: Double
        var incident: IncidentID
    }

    var series: [Series]
    var labels: [Label]

    /// The chart of `report`'s trends.
    init(_ report: PracticeReport) {
        let count = report.rows.count
        let ids = report.rows.map(\.id)
        series = report.trends.map { trend in
            let points = trend.shares.enumerated().compactMap { index, share in
                share.map { Point(x: Self.x(index, of: count), y: Self.y($0), incident: ids[index], share: $0) }
            }
            return Series(kind: trend.kind, points: points)
        }
        let step = max(1, Int((Double(count) / Double(Self.maxLabels)).rounded(.up)))
        labels = stride(from: 0, to: count, by: step).map { Label(x: Self.x($0, of: count), incident: ids[$0]) }
    }

    /// Where incident `index` of `count` is across: spread edge to edge, one alone in the middle.
    static func x(_ index: Int, of count: Int) -> Double {
        let plot = width - left - right
        guard count > 1 else { return left + plot / 2 }
        return left + plot * Double(index) / Double(count - 1)
    }

    /// Where `share` is up: 1 at the top, 0 at the bottom.
    static func y(_ share: Double) -> Double {
        top + (height - top - bottom) * (1 - min(1, max(0, share)))
    }

    /// The shares the grid marks: 0%, 25%, 50%, 75%, 100%.
    static let gridShares = [0.0, 0.25, 0.5, 0.75, 1.0]

    /// A coordinate for an attribute: one decimal, a dot, never an exponent.
    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
