import Foundation

/// Why the store refused to open, to commit, or to read back what it holds. Each case says
/// what happened in words an operator can act on; the file involved is never changed.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file or its folder could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The database was migrated by a newer build: it has migrations this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process (or another store in this one) holds the file's lock.
    case locked(path: String)
    /// The commit at `index` of a batch broke a rule; the whole batch was rolled back.
    case commitFailed(index: Int, reason: String)
    /// A stored value no longer decodes (an event, an actor, an outgoing message).
    case unreadable(what: String, reason: String)
    /// The store was not closed by the process before, and checking it found damage: a page
    /// SQLite cannot read, or a log with events missing.
    case damaged(path: String, problems: [String])
    /// The disk the store is on is all but full: the next commit may be refused.
    case lowOnSpace(bytesFree: Int)

    /// What went wrong and what to do about it, in one sentence.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the store at \(path): \(reason)"
        case .notADatabase(let path):
            "\(path) is not an SQLite database; it was left as it is"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer Deputy (unknown migrations: \(unknown.joined(separator: ", "))); "
                + "it was left as it is: run the newer build, or restore a backup"
        case .locked(let path):
            "\(path) is in use by another Deputy (its lock file \(path).lock is held); stop that one first"
        case .commitFailed(let index, let reason):
            "commit \(index) of the batch was refused, and the batch rolled back: \(reason)"
        case .unreadable(let what, let reason):
            "cannot read \(what) from the store: \(reason)"
        case .damaged(let path, let problems):
            "\(path) was not closed cleanly and is damaged (\(problems.joined(separator: "; "))); "
                + "it was left as it is: restore a backup, or see \"A damaged store\" in the README"
        case .lowOnSpace(let bytes):
            "the store's disk has only \(bytes) bytes free: free some space before commits are refused"
        }
    }

    /// The description, so `localizedDescription` says the same.
    public var errorDescription: String? { description }
}
