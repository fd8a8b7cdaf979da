import DeputyCore
import DeputyServer
import DeputyStore
import Foundation
import Logging

/// The daemon's desk: every live incident in memory, each command and each due timer decided by
/// the core, and nothing answered before its events and messages are durable. Commands that
/// arrive together share one transaction (group commit).
public actor DeskService: CommandDesk {
    var desk: Desk
    let executor: StoreExecutor
    let time: any TimeSource
    let policy: DeliveryPolicy
    let logger: Logger
    /// Dedupe keys applied recently, with when; older ones are pruned with the store's.
    var seen: [String: Date] = [:]
    var waiting: [Pending] = []
    var flushing = false
    var observers = Observers()

    /// How long a queued message may wait, and where stakeholder updates are copied.
    public struct DeliveryPolicy: Sendable {
        public var expiry: Span
        /// Stakeholder channel per platform: `/ic update` is posted there too.
        public var stakeholderChannels: [String: String]

        public init(expiry: Span, stakeholderChannels: [String: String] = [:]) {
            self.expiry = expiry
            self.stakeholderChannels = stakeholderChannels
        }
    }

    /// Who hears about changes: the scheduler (deadlines) and delivery (new messages).
    struct Observers {
        var deadline: (@Sendable (IncidentID, Date?) async -> Void)?
        var outbox: (@Sendable () async -> Void)?
    }

    /// A commit waiting for its transaction.
    struct Pending {
        var commit: Commit
        var incident: IncidentID?
        var opened: Bool
        var continuation: CheckedContinuation<Persisted, Never>
    }

    /// Loads every live incident from the store.
    public init(
        executor: StoreExecutor, rules: Rules, time: any TimeSource, policy: DeliveryPolicy, logger: Logger
    )
        async throws
    {
        let (incidents, highest) = try await executor.run { store in
            (try store.loadIncidents(where: .live), try store.maxIncidentNumber())
        }
        self.desk = Desk(rules: rules, incidents: incidents, nextNumber: highest + 1)
        self.executor = executor
        self.time = time
        self.policy = policy
        self.logger = logger
    }

    /// Wires the scheduler and delivery in; called once at start-up.
    public func observe(
        deadlines: @escaping @Sendable (IncidentID, Date?) async -> Void, outbox: @escaping @Sendable () async -> Void
    ) {
        observers = Observers(deadline: deadlines, outbox: outbox)
    }

    /// Every live incident's next deadline: what the scheduler starts from.
    public func deadlines() -> [(IncidentID, Date)] {
        desk.incidents.keys.compactMap { id in desk.nextDeadline(of: id).map { (id, $0) } }
    }

    /// Decides a command, makes it durable, then answers with the reply for the HTTP response
    /// (when it fits there; otherwise every reply leaves through the outbox).
    public func submit(
        _ inbound: InboundCommand, fitsInAnswer: @escaping @Sendable (Reply) -> Bool = { _ in true }
    ) async -> Submission {
        let now = time.now
        if let key = inbound.dedupeKey, seen[key] != nil { return .duplicate }
        let numberBefore = desk.nextNumber
        let result = desk.handle(text: inbound.text, by: inbound.user, in: inbound.channel, at: now)
        var replies = result.outcome.replies
        let first = replies.first.flatMap { fitsInAnswer($0) ? replies.removeFirst() : nil }
        guard !result.outcome.records.isEmpty || !replies.isEmpty else { return .answered(first) }
        let opened = result.incident?.number == numberBefore
        var commit = makeCommit(
            result.outcome.records, replies: replies, incident: result.incident, opened: opened,
            channel: inbound.channel, responseURL: inbound.responseURL, key: inbound.dedupeKey, at: now)
        if let id = result.incident, let incident = desk.incidents[id], let text = Self.stakeholderUpdate(in: result) {
            commit.messages += broadcast(text, of: incident, by: inbound.user, at: now)
        }
        switch await persist(commit, incident: result.incident, opened: opened) {
        case .stored:
            if let key = inbound.dedupeKey { seen[key] = now }
            return .answered(first)
        case .duplicate:
            if let key = inbound.dedupeKey { seen[key] = now }
            return .duplicate
        case .failed:
            return .unavailable
        }
    }

    /// Fires one incident's due timers at `now`, durably; returns its next deadline.
    public func fireDue(_ id: IncidentID, at now: Date) async -> Date? {
        let outcome = desk.due(id, at: now)
        guard !outcome.isEmpty, let incident = desk.incidents[id] else { return desk.nextDeadline(of: id) }
        let commit = makeCommit(
            outcome.records, replies: outcome.replies, incident: id, opened: false, channel: incident.channel,
            responseURL: nil, key: nil, at: now)
        _ = await persist(commit, incident: id, opened: false)
        return desk.nextDeadline(of: id)
    }

    /// The commander of an incident, to tell about delivery problems.
    public func commander(of id: IncidentID) -> User? {
        desk.incidents[id]?.commander
    }

    /// Drops dedupe keys older than `cutoff` (the store prunes its own).
    public func pruneSeen(olderThan cutoff: Date) {
        seen = seen.filter { $0.value >= cutoff }
    }

    /// The text of a stakeholder update the command recorded, if it recorded one.
    static func stakeholderUpdate(in result: Desk.Result) -> String? {
        for record in result.outcome.records {
            if case .stakeholderUpdate(let text, _) = record.event { return text }
        }
        return nil
    }
}
