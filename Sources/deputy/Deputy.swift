import ArgumentParser
import DeputyDaemon
import Dispatch
import Foundation
import NIOCore
import NIOPosix

/// The `deputy` command line.
struct Deputy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deputy",
        abstract: "The incident commander's deputy: runs the incident cycle in a team's chat channel.",
        subcommands: [
            ServeCommand.self, ConsoleCommand.self, CheckCommand.self, SlackManifestCommand.self, OutboxCommand.self,
            DiscordRegisterCommand.self, ExportCommand.self, ListCommand.self, ReportCommand.self,
            MigrateStoreCommand.self,
        ]
    )
}

/// The entry point. For `serve`, before any task runs, SwiftNIO's event loops become Swift
/// concurrency's global executor: a request's handler, the desk and the answer then run on the
/// thread that reads and writes the socket, instead of hopping to the cooperative pool and back
/// for every await (measured under the Slack benchmark: see bench/README.md). Blocking work
/// never runs there: SQLite has its own queue, libcurl its own thread. There is one event loop
/// for each CPU the process may run on (`EventLoopCount`).
@main
enum DeputyMain {
    static func main() {
        if CommandLine.arguments.dropFirst().first == "serve",
            ProcessInfo.processInfo.environment["DEPUTY_NIO_EXECUTOR"] != "0"
        {
            let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            if let loops = EventLoopCount.suggestion(
                environment: ProcessInfo.processInfo.environment, status: status, coreCount: System.coreCount)
            {
                NIOSingletons.groupLoopCountSuggestion = loops
            }
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        Task {
            await Deputy.main()
            exit(0)
        }
        dispatchMain()
    }
}
