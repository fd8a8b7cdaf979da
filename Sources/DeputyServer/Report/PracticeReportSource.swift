import DeputyCore
import Foundation

/// Where the report page reads its report; the daemon reads its store.
public protocol PracticeReportSource: Sendable {
    /// The report of the incidents `query` selects at `now`. Throws when the store cannot be read.
    func report(_ query: PracticeReport.Query, at now: Date) async throws -> PracticeReport
}
