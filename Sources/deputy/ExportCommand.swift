import ArgumentParser
import DeputyConfig
import DeputyDaemon
import DeputyStore
import Foundation

/// `deputy export INC-<n>`: an incident's timeline, as Markdown or JSON, or its postmortem
/// draft, on standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print an incident's timeline and key durations, as Markdown or JSON.")

    @Argument(help: "The incident, like INC-4.")
    var incident: String

    @Option(help: "markdown, json, or postmortem (the postmortem's Markdown draft).")
    var format: Format = .markdown

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    /// The output formats, as the command line spells them.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case json
        case postmortem
    }

    func run() async throws {
        let (reports, opened) = try ReportSource.open(config: config, files: files)
        let format: IncidentReports.Format =
            switch format {
            case .markdown: .markdown
            case .json: .json
            case .postmortem: .postmortem
            }
        do {
            let text = try await StoreOpener.using(opened) {
                try await reports.export(incident, format: format, now: Date())
            }
            print(text, terminator: "")
        } catch let problem as IncidentReports.Problem {
            FileHandle.standardError.write(Data("deputy export: \(problem)\n".utf8))
            throw ExitCode.failure
        }
    }
}
