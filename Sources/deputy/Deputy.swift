import ArgumentParser

/// The `deputy` command line.
@main
struct Deputy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deputy",
        abstract: "The incident commander's deputy: runs the incident cycle in a team's chat channel.",
        subcommands: [
            ServeCommand.self, ConsoleCommand.self, CheckCommand.self, SlackManifestCommand.self, OutboxCommand.self,
        ]
    )
}
