/// How the last process that had the store open left it, as opening the store found out.
public enum PreviousRun: Sendable, Equatable {
    /// There was no store yet (or an empty file): nothing to check.
    case none
    /// It closed the store: every commit is in the file, nothing to check.
    case endedCleanly
    /// It ended without closing the store (killed, crashed, or the machine lost power), so
    /// opening ran SQLite's `integrity_check` and the log's own checks before anything wrote to
    /// the file, and they found nothing wrong. `checkedIn` is how long that took.
    case endedUncleanly(checkedIn: Duration)
}
