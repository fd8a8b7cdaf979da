import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests: started at first use from Debian's server
/// binaries (`initdb`, `pg_ctl`), in a folder of its own, on 127.0.0.1 and a free port, with
/// trust authentication and without fsync (the tests check behaviour, not durability). Each
/// test asks for a fresh database of its own, so tests run in parallel without meeting. The
/// cluster stops, and its folder goes, when the test process exits.
///
/// As root (CI), the server runs as the `postgres` user the Debian package creates: PostgreSQL
/// refuses to run as root.
public enum TestPostgres {
    /// Why the cluster could not start.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// A running cluster: where it is and how to stop it.
    struct Cluster: Sendable {
        let folder: String
        let port: Int
        let bin: String
        let runAs: [String]
    }

    private static let state = Mutex<Result<Cluster, Unavailable>?>(nil)
    private static let databases = Atomic<Int>(0)

    /// The address of a fresh, empty database on the test cluster, starting the cluster first if
    /// this process has not.
    public static func freshDatabase() throws -> String {
        let cluster = try cluster()
        let name = "deputy_test_\(getpid())_\(databases.add(1, ordering: .relaxed).newValue)"
        try run(
            cluster.bin + "/psql", cluster.runAs,
            [
                "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "deputy", "-d", "postgres", "-v",
                "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)",
            ])
        return address(of: name, on: cluster)
    }

    /// The address of the database `name` on the cluster (for a second replica of one test).
    static func address(of name: String, on cluster: Cluster, sslMode: String = "disable") -> String {
        "postgres://deputy@127.0.0.1:\(cluster.port)/\(name)?sslmode=\(sslMode)"
    }

    /// The address of a fresh database on the test cluster, with `sslMode` (the cluster serves
    /// TLS with a self-signed certificate no client trusts).
    public static func freshDatabase(sslMode: String) throws -> String {
        let plain = try freshDatabase()
        return plain.replacingOccurrences(of: "sslmode=disable", with: "sslmode=\(sslMode)")
    }

    /// The folder holding the server's binaries: `DEPUTY_TEST_POSTGRES_BIN`, else the newest
    /// `/usr/lib/postgresql/<version>/bin`.
    static func binaries() throws(Unavailable) -> String {
        if let given = ProcessInfo.processInfo.environment["DEPUTY_TEST_POSTGRES_BIN"] { return given }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted()
        for version in versions.reversed() {
            let bin = "\(root)/\(version)/bin"
            if FileManager.default.isExecutableFile(atPath: bin + "/initdb") { return bin }
        }
        throw Unavailable(
            description:
                "PostgreSQL's server is not installed (no \(root)/<version>/bin/initdb): scripts/test installs it, "
                + "or apt-get install postgresql; DEPUTY_TEST_POSTGRES_BIN names another folder")
    }

    private static func cluster() throws -> Cluster {
        try state.withLock { started in
            if let started { return try started.get() }
            let result = Result { () throws(Unavailable) in try start() }
            started = result
            return try result.get()
        }
    }

    private static func start() throws(Unavailable) -> Cluster {
        let bin = try binaries()
        let folder = NSTemporaryDirectory() + "deputy-postgres-\(getpid())-\(UUID().uuidString.prefix(8))"
        var runAs: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if geteuid() == 0 {
                guard let user = getpwnam("postgres") else {
                    throw Unavailable(
                        description: "running as root, and there is no postgres user to run the server as")
                }
                chown(folder, user.pointee.pw_uid, user.pointee.pw_gid)
                runAs = ["/usr/sbin/runuser", "-u", "postgres", "--"]
            }
            try run(
                bin + "/initdb", runAs,
                [
                    "-D", folder + "/data", "-U", "deputy", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
                ])
            // TLS on, with a self-signed certificate: `sslmode=require` gets an encrypted
            // connection, `verify-full` must refuse a server it cannot trust.
            try run(
                "/usr/bin/openssl", runAs,
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/server.key", "-out",
                    folder + "/server.crt", "-subj", "/CN=127.0.0.1", "-days", "2",
                ])
            try run("/bin/chmod", runAs, ["600", folder + "/server.key"])
            let port = Int(try LoopbackSocket().port)
            let options = [
                "-p \(port)", "-k \(folder)", "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c ssl=on",
                "-c ssl_cert_file=\(folder)/server.crt", "-c ssl_key_file=\(folder)/server.key",
                "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200",
            ]
            try run(
                bin + "/pg_ctl", runAs,
                [
                    "-D", folder + "/data", "-o", options.joined(separator: " "), "-l", folder + "/log", "-w", "-t",
                    "60",
                    "start",
                ])
            let cluster = Cluster(folder: folder, port: port, bin: bin, runAs: runAs)
            stopAtExit(cluster)
            return cluster
        } catch let error as Unavailable {
            throw error
        } catch {
            let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
            throw Unavailable(description: "the test PostgreSQL did not start: \(error)\n\(log)")
        }
    }

    private static let atExit = Mutex<Cluster?>(nil)

    private static func stopAtExit(_ cluster: Cluster) {
        atExit.withLock { $0 = cluster }
        atexit {
            guard let cluster = TestPostgres.atExit.withLock({ $0 }) else { return }
            try? TestPostgres.run(
                cluster.bin + "/pg_ctl", cluster.runAs,
                [
                    "-D", cluster.folder + "/data", "-m", "immediate", "-w", "stop",
                ])
            try? FileManager.default.removeItem(atPath: cluster.folder)
        }
    }

    /// Runs `tool` with `arguments` (as `runAs` says) and waits for it, throwing its output when
    /// it fails. Spawned and reaped here, not with Foundation's `Process`: that one learns of an
    /// exit from a socket its child inherits, which the server `pg_ctl` leaves running would
    /// hold open forever. The child keeps no descriptor of ours but its output file.
    static func run(_ tool: String, _ runAs: [String], _ arguments: [String]) throws {
        let command = runAs + [tool] + arguments
        let outputPath = NSTemporaryDirectory() + "deputy-postgres-output-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeFrom(&actions, 3)
        changeDirectory(&actions, "/")
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Unavailable(description: "could not run \(command[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let said = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw Unavailable(
                description:
                    "\((tool as NSString).lastPathComponent) failed (\(exited ? "exit \(code)" : "signal \(status & 0x7f)")): "
                    + said)
        }
    }

    // glibc's `_np` file actions (2.29, 2.34) are not in Swift's Glibc module: looked up by name.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }

    private static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
        else { return }
        _ = unsafeBitCast(symbol, to: ChangeDirectory.self)(&actions, path)
    }
}
