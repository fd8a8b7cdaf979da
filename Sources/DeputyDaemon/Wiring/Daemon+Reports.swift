import DeputyCore
import DeputyServer
import DeputyStore
import Foundation
import Hummingbird
import Logging

extension Daemon {
    /// Serves the report page beside the timeline page, from `report.mustache` in the same
    /// folder, for the links `deputy report` prints. A folder without the template (templates
    /// copied before the page existed) serves no report page and says so; a broken one stops the
    /// start.
    static func serveReports(
        from folder: String, _ parts: Parts, links: TimelineLinks, store: any IncidentStore,
        on router: Router<BasicRequestContext>
    ) throws {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(ReportPage.templateFile).path
        guard FileManager.default.fileExists(atPath: path) else {
            parts.logger.notice("no report page: \(path) is not there")
            return
        }
        let page = try ReportPage(folder: folder, phrasebook: parts.phrasebook, calendar: parts.rules.calendar)
        ReportRoutes(links: links, page: page, source: StorePracticeReports(store: store, rules: parts.rules))
            .register(on: router)
    }
}
