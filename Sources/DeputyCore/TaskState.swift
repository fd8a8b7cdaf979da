import Foundation

/// One task: a named owner, a timebox, and what has been heard back.
public struct TaskState: Hashable, Sendable {
    public var id: TaskID
    public var text: String
    public var owner: User
    public var assignedAt: Date
    /// When the current timebox started (assignment, extension or finding with a new timebox).
    public var timeboxStart: Date
    public var timebox: Span
    public var dueAt: Date
    public var status = Status.open
    public var acknowledged = false
    public var acknowledgementNudged = false
    public var followedUp: (due: Date, at: Date)?
    public var escalatedFor: Date?
    /// When Deputy asked the owner how much time they need, while that question is unanswered.
    public var timeAskedAt: Date?
    /// The question about time (by when it was asked) the deputy or IC was told went unanswered.
    public var timeAskEscalatedFor: Date?
    public var lastActivityAt: Date
    public var snoozedUntil: Date?
    public var findings: [String] = []

    /// Where the task stands.
    public enum Status: Hashable, Sendable {
        case open
        case done
        case cancelled
        /// Still open at resolve: became a follow-up item.
        case carriedOver
    }

    public init(id: TaskID, text: String, owner: User, timebox: Span, dueAt: Date, at: Date) {
        self.id = id
        self.text = text
        self.owner = owner
        self.assignedAt = at
        self.timeboxStart = at
        self.timebox = timebox
        self.dueAt = dueAt
        self.lastActivityAt = at
    }

    public var isOpen: Bool { status == .open }

    public static func == (lhs: TaskState, rhs: TaskState) -> Bool {
        lhs.id == rhs.id && lhs.status == rhs.status && lhs.dueAt == rhs.dueAt && lhs.owner == rhs.owner
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
