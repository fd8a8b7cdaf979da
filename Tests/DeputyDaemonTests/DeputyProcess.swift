import CurlHTTP
import DeputyTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `deputy serve` as a process of its own (the debug build beside the test binary), for what
/// only a real process shows: a SIGKILL. It runs from the repository's root (so it reads the
/// shipped Config/, rules and phrasebook), with Slack on, on 127.0.0.1 at `port`; its log goes to
/// `logPath`. A value that goes away kills its process.
final class DeputyProcess: Sendable {
    let process = Process()
    let port: Int
    let logPath: String

    /// Starts `deputy serve` on `database` (a path or a `postgres://` address) and `port`,
    /// logging to `logPath`; `environment` adds to (or overrides) the variables it is given.
    init(database: String, port: Int, logPath: String, environment: [String: String] = [:]) throws {
        self.port = port
        self.logPath = logPath
        process.executableURL = try Self.binary()
        process.arguments = ["serve"]
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.environment = [
            "PATH": "/usr/bin:/bin", "DEPUTY_HOST": "127.0.0.1", "DEPUTY_PORT": String(port),
            "DEPUTY_DATABASE": database, "SLACK_SIGNING_SECRET": LiveDaemon.signingSecret,
            "SLACK_BOT_TOKEN": LiveDaemon.botToken, "SLACK_API_URL": "http://127.0.0.1:1/api",
        ].merging(environment) { $1 }
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Polls `GET /healthz` until it answers 200; throws after `seconds`, or once the process
    /// has exited.
    func waitHealthy(_ client: CurlHTTPClient, within seconds: Int = 60) async throws {
        let request = HTTPClientRequest(
            method: "GET", url: "http://127.0.0.1:\(port)/healthz", connectTimeout: .seconds(1),
            totalTimeout: .seconds(2))
        let healthy = await Poll.until(within: .seconds(seconds)) {
            guard process.isRunning else { return true }
            return (try? await client.send(request))?.status == 200
        }
        guard process.isRunning else { throw DeputyProcessError.exited(process.terminationStatus, log) }
        guard healthy else { throw DeputyProcessError.notHealthy(log) }
    }

    /// Kills the process at once, as the kernel's OOM killer or `kill -9` would.
    func killNow() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks the process to stop (SIGTERM) and returns its exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the process has logged so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The `deputy` executable the test build made: beside the test bundle, or in .build/debug.
    static func binary() throws -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("deputy")
        let debug = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/deputy")
        guard let found = [besideTests, debug].first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { throw DeputyProcessError.noBinary([besideTests.path, debug.path]) }
        return found
    }

    /// A port of 127.0.0.1 that nothing listens on right now (the kernel's pick for port 0; the
    /// socket is closed again at once).
    static func freePort() throws -> Int {
        Int(try LoopbackSocket().port)
    }
}

/// Why a `DeputyProcess` could not be used.
enum DeputyProcessError: Error {
    case noBinary([String])
    case exited(Int32, String)
    case notHealthy(String)
}
