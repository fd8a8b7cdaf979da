import DeputyTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small file system of its own (a tmpfs of a few MiB mounted on a temporary folder), so a
/// test can fill it to the last byte: a real full disk, which `PRAGMA` settings only imitate.
/// Mounting needs root (the tests run as root); `canMount` says whether this machine allows it.
final class SmallDisk {
    let folder: TemporaryFolder
    private var filler: Int32 = -1

    /// Mounts a tmpfs of `megabytes` on a new temporary folder.
    init(megabytes: Int) throws {
        folder = try TemporaryFolder()
        try Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path)
    }

    deinit {
        if filler >= 0 { close(filler) }
        try? Self.run("/bin/umount", "-l", folder.path)
    }

    /// A path on the small disk.
    func file(_ name: String) -> String { folder.file(name) }

    /// Writes a filler file until the disk refuses another byte.
    func fill() throws {
        filler = open(file("filler"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard filler >= 0 else { throw SmallDiskError.cannotFill(errno) }
        let chunk = [UInt8](repeating: 0xA5, count: 4096)
        while true {
            let written = chunk.withUnsafeBytes { write(filler, $0.baseAddress, $0.count) }
            if written < 0 {
                guard errno == ENOSPC else { throw SmallDiskError.cannotFill(errno) }
                break
            }
        }
        // Single bytes, into the last partial block.
        var byte: UInt8 = 0
        while write(filler, &byte, 1) == 1 {}
    }

    /// Removes the filler: the disk has room again.
    func release() throws {
        if filler >= 0 { close(filler) }
        filler = -1
        try FileManager.default.removeItem(atPath: file("filler"))
    }

    /// Whether this process may mount a tmpfs (root in a sandbox that allows it).
    static let canMount: Bool = (try? SmallDisk(megabytes: 1)) != nil

    private static func run(_ tool: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SmallDiskError.toolFailed(tool, process.terminationStatus) }
    }
}

enum SmallDiskError: Error {
    case cannotFill(Int32)
    case toolFailed(String, Int32)
}
