import Hummingbird
import Logging

/// A fake platform's HTTP server for a test: `router` served on 127.0.0.1 at a free port.
enum LoopbackServer {
    /// Serves `router`, runs `body` with the port once the server listens, and stops the server
    /// when `body` returns. Its log is quiet: not the cancelled connections of a server stopped
    /// mid-test.
    static func serving(
        _ router: Router<BasicRequestContext>, label: String, _ body: (Int) async throws -> Void
    ) async throws {
        let (ports, portInput) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: label)
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portInput.yield(channel.localAddress?.port ?? 0)
                portInput.finish()
            }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var port = 0
            for await bound in ports { port = bound }
            try await body(port)
        }
    }
}
