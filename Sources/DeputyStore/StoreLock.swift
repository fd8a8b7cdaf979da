#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive hold on a store file, so a second `deputy serve` on the same file refuses to
/// start instead of writing beside the first.
///
/// The hold is `flock(LOCK_EX | LOCK_NB)` on a separate file, `<path>.lock`, kept open for as
/// long as this value lives (the store keeps it until it is closed). The kernel lets it go when
/// the process ends, crash or not, so a stale lock file never blocks a restart. The lock is per
/// open file: a second store in the same process is refused too, until the first lets go.
public final class StoreLock: Sendable {
    /// The lock file's path: the database's path with `.lock` appended.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Lets go of the lock before this value ends (the store was closed), so another store may
    /// take it at once. Doing it twice does no harm.
    public func release() {
        flock(descriptor, LOCK_UN)
    }

    /// Takes the lock for the database at `databasePath`, creating the lock file if needed.
    /// Throws `StoreError.locked` when someone else holds it.
    public static func acquire(for databasePath: String) throws -> StoreLock {
        let lockPath = databasePath + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError.cannotOpen(path: databasePath, reason: "cannot open its lock file: \(lastError())")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw StoreError.locked(path: databasePath) }
            throw StoreError.cannotOpen(path: databasePath, reason: "cannot lock \(lockPath): \(lastError(code))")
        }
        return StoreLock(path: lockPath, descriptor: descriptor)
    }

    private static func lastError(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
