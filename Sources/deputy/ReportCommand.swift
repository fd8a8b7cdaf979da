import ArgumentParser
import DeputyConfig
import DeputyCore
import DeputyDaemon
import Foundation

/// `deputy report [--since 90d] [--channel <channel>]`: the practice score of every incident
/// closed in the window, oldest first, each measure's trend across them, and the signed link to
/// the report page when Deputy has a public address.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the practice score of each incident closed lately, oldest first, and each measure's trend.")

    @Option(help: "How far back to look: 90d, 2w, 36h (default: 90d).")
    var since = PracticeReport.Window.default.description

    @Option(help: "Only the incidents run in this channel: its id, or its name.")
    var channel: String?

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    func validate() throws {
        guard PracticeReport.Window(parsing: since) != nil else {
            throw ValidationError("--since \(since): write how far back like 90d, 2w or 36h (at most ten years)")
        }
    }

    func run() async throws {
        guard let window = PracticeReport.Window(parsing: since) else { throw ValidationError("--since \(since)") }
        let settings = try ReportSource.settings(config: config, files: files)
        let (reports, opened) = try ReportSource.open(settings)
        let query = PracticeReport.Query(window: window, channel: channel)
        let text = try await StoreOpener.using(opened) {
            try await reports.practice(query, now: Date(), settings: settings)
        }
        print(text, terminator: "")
    }
}
