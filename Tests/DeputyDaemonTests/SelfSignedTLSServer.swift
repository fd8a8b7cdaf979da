import DeputyTestSupport
import Foundation

/// An HTTPS server on 127.0.0.1 whose certificate no one trusts: `openssl s_server` with a
/// self-signed certificate made for the test. Whatever a client sends once the handshake is done
/// shows in `output`; a handshake the client refused shows in `errors` (`tlsv1 alert unknown ca`).
final class SelfSignedTLSServer {
    /// Where `openssl` is; a fresh machine gets it from `scripts/system-packages`.
    static let openssl = "/usr/bin/openssl"

    /// The port it listens on.
    let port: Int
    private let process: Process
    /// Kept open: `s_server` stops when its standard input ends.
    private let input: Pipe
    private let folder: TemporaryFolder

    /// Makes a certificate and key, starts `s_server` on a free port, and returns once it listens.
    static func start() async throws -> SelfSignedTLSServer {
        let folder = try TemporaryFolder()
        let made = Process()
        made.executableURL = URL(fileURLWithPath: openssl)
        made.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", folder.file("key.pem"), "-out", folder.file("cert.pem"),
        ]
        made.standardOutput = FileHandle.nullDevice
        made.standardError = FileHandle.nullDevice
        try made.run()
        made.waitUntilExit()
        guard made.terminationStatus == 0 else { throw SelfSignedTLSServerError.noCertificate }

        FileManager.default.createFile(atPath: folder.file("out.txt"), contents: nil)
        FileManager.default.createFile(atPath: folder.file("err.txt"), contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = [
            "s_server", "-accept", "127.0.0.1:0", "-cert", folder.file("cert.pem"), "-key", folder.file("key.pem"),
        ]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("out.txt")))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("err.txt")))
        try process.run()
        var port: Int?
        _ = await Poll.until {
            port = Self.acceptedPort(in: Self.read(folder.file("out.txt")))
            return port != nil || !process.isRunning
        }
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            throw SelfSignedTLSServerError.notListening(Self.read(folder.file("err.txt")))
        }
        return SelfSignedTLSServer(port: port, process: process, input: input, folder: folder)
    }

    private init(port: Int, process: Process, input: Pipe, folder: TemporaryFolder) {
        self.port = port
        self.process = process
        self.input = input
        self.folder = folder
    }

    /// What `s_server` printed: its start-up line, and whatever clients sent it over TLS.
    var output: String { Self.read(folder.file("out.txt")) }
    /// What `s_server` complained of: failed handshakes, for one.
    var errors: String { Self.read(folder.file("err.txt")) }

    /// Stops the server and waits until it has ended: `SIGKILL`, as `s_server` outlives a `SIGTERM`.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
    }

    /// The port of `s_server`'s `ACCEPT 127.0.0.1:<port>` line, once it has printed it.
    private static func acceptedPort(in output: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
            let colon = line.lastIndex(of: ":")
        else { return nil }
        return Int(line[line.index(after: colon)...])
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}

/// Why the self-signed HTTPS server could not be started.
enum SelfSignedTLSServerError: Error {
    /// `openssl req` failed to make the certificate.
    case noCertificate
    /// `s_server` ended, or never said where it listens; what it printed on standard error.
    case notListening(String)
}
