import CoreMetrics
import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import Foundation
import Logging

/// The daemon's desk: every live incident in memory, each command and each due timer decided by
/// the core, and nothing answered before its events and messages are durable. Commands that
/// arrive together share one transaction (group commit).
///
/// Start-up reads no log: only each channel's latest incident and every stored deadline (the
/// store's projection columns), so the daemon is ready in well under a second however many
/// incidents it holds. An incident's log is folded the first time a command or a timer needs
/// it, and `warmUp()` folds the rest in the background.
public actor DeskService: CommandDesk {
    /// What the desk decides: admission, memory, decisions, commits.
    var machine: StateMachine
    let store: any IncidentStore
    /// The channel names commands tell, kept for the webhooks that need them.
    let channels: ChannelDirectory
    let time: any TimeSource
    let logger: Logger
    /// Commits that arrive together share one transaction (group commit).
    lazy var commits = GroupCommit<Pending, Persisted> { [weak self] batch in
        await self?.write(batch) ?? batch.map { _ in .failed }
    }
    var observers = Observers()
    let metrics: any MetricsFactory
    let replies: Counter
    let nudges: Counter
    /// Commits decided against a state the store no longer had, and decided again.
    let conflicts: Counter
    /// `deputy_commands_total` by kind, made once each: the factory's lookup is not free.
    var commandCounters: [String: Counter] = [:]
    /// One catch-up and decision at a time per channel beside replicas.
    var gate = KeyedGate<ChannelKey>()
    /// Signs the links `/ic timeline` hands out; nil while the page is not served.
    var timelineLinks: TimelineLinks?

    /// Every incident in memory (for tests and the console).
    var desk: Desk { machine.desk }
    /// What the store holds that is not folded yet (for tests).
    var unloaded: Unloaded { machine.unloaded }

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

    /// What the store holds that the desk has not folded yet.
    struct Unloaded {
        /// Every incident not in memory yet.
        var ids: Set<IncidentID> = []
        /// The channels whose latest incident is not in memory yet, and that incident.
        var latest: [ChannelKey: IncidentID] = [:]
        /// The stored next deadline of incidents not in memory yet.
        var deadlines: [IncidentID: Date] = [:]
    }

    /// A commit waiting for its transaction, with the incident it touched.
    struct Pending: Sendable {
        var commit: Commit
        var incident: IncidentID?
        var opened: Bool
    }

    /// Reads where each channel's commands go and every stored deadline; folds no log yet.
    public init(
        store: any IncidentStore, rules: Rules, time: any TimeSource, policy: DeliveryPolicy, logger: Logger,
        metrics: any MetricsFactory = NOOPMetricsHandler.instance, channels: ChannelDirectory = ChannelDirectory(),
        limits: (userPerMinute: Int, channelPerMinute: Int) = (0, 0), allow: DaemonSettings.Allow = .init()
    ) async throws {
        let latest = try await store.latestIncidentPerChannel()
        let deadlines = try await store.nextDeadlines()
        let highest = try await store.maxIncidentNumber()
        let names = try await store.channelNames()
        channels.load(names)
        self.channels = channels
        self.machine = StateMachine(
            rules: rules, policy: policy, allow: allow,
            limiter: CommandLimiter(userPerMinute: limits.userPerMinute, channelPerMinute: limits.channelPerMinute),
            latest: latest, deadlines: deadlines, highestNumber: highest)
        self.store = store
        self.time = time
        self.logger = logger
        self.metrics = metrics
        self.replies = Counter(label: "deputy_replies_total", factory: metrics)
        self.nudges = Counter(label: "deputy_nudges_total", factory: metrics)
        self.conflicts = Counter(label: "deputy_conflicts_retried_total", factory: metrics)
    }

    /// Wires the scheduler and delivery in; called once at start-up.
    public func observe(
        deadlines: @escaping @Sendable (IncidentID, Date?) async -> Void, outbox: @escaping @Sendable () async -> Void
    ) {
        observers = Observers(deadline: deadlines, outbox: outbox)
    }

    /// Every live incident's next deadline: what the scheduler starts from. For an incident not
    /// folded yet, the deadline its stored projection holds.
    public func deadlines() -> [(IncidentID, Date)] {
        machine.deadlines()
    }

    /// Folds into memory, from their logs, those of `ids` that are not there yet. False when the
    /// store could not be read. A deadline the current rules put elsewhere than the stored
    /// projection did (the rules changed while the daemon was down) goes to the scheduler, whatever
    /// folded the incident: a command that records nothing (`/ic status`) tells it nothing else.
    @discardableResult
    func load(_ ids: [IncidentID]) async -> Bool {
        let wanted = machine.unfolded(ids)
        guard !wanted.isEmpty else { return true }
        let stored: [Incident]
        do {
            stored = try await store.loadIncidents(where: .ids(wanted))
        } catch {
            logger.error("cannot read incidents from the store", metadata: ["error": "\(error)"])
            return false
        }
        for (id, deadline) in machine.folded(stored, wanted: wanted) { await observers.deadline?(id, deadline) }
        return true
    }

    /// Folds into memory an incident a command names (`/ic postmortem done INC-1`), which may be
    /// neither loaded nor waiting to be: an old one, long at rest. Its channel's latest incident
    /// is folded first, so that channel's commands still go to it. False when the store could not
    /// be read; true when the incident is in memory now or the store has no such incident.
    func loadAddressed(_ id: IncidentID) async -> Bool {
        if machine.isFolded(id) { return true }
        if machine.isUnfolded(id) { return await load([id]) }
        let stored: Incident?
        do {
            stored = try await store.loadIncidents(where: .ids([id])).first
        } catch {
            logger.error("cannot read an incident from the store", metadata: ["error": "\(error)"])
            return false
        }
        guard let stored else { return true }
        if let latest = machine.unloadedLatest(of: stored.channel) {
            guard await load([latest]) else { return false }
        }
        machine.foldAddressed(stored)
        return true
    }

    /// On a store other desks write to, brings the channel's incident in memory up to the store's
    /// before a command is decided on it: one declared elsewhere is folded, records appended
    /// elsewhere are caught up. A command that records nothing (`/ic status`) has no commit to
    /// find a stale state out; this is how it still answers from the whole log. False when the
    /// store could not be read.
    func refresh(_ channel: ChannelKey) async -> Bool {
        do {
            let head = try await TimeLimit.run(Self.readDeadline) { [store] in
                try await store.latestIncidentHead(in: channel)
            }
            switch machine.freshness(of: channel, head: head) {
            case .current:
                break
            case .catchUp(let id, let after):
                let records = try await store.records(of: id, after: after)
                machine.catchUp(id, with: records)
            case .fold(let id):
                if let incident = try await store.loadIncidents(where: .ids([id])).first {
                    machine.foldLatest(incident)
                }
            case .vacated:
                machine.vacate(channel)
            }
            return true
        } catch {
            logger.error("cannot read a channel's incident from the store", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Drops an incident from memory, to be read from the store again when next needed.
    func unload(_ id: IncidentID) {
        machine.unload(id)
    }

    /// Folds every incident not in memory yet, `batch` at a time, while commands and timers
    /// load what they need meanwhile; `load(_:)` tells the scheduler of deadlines the rules moved.
    public func warmUp(batch: Int = 16) async {
        let start = ContinuousClock.now
        var count = 0
        while !Task.isCancelled, !machine.unloaded.ids.isEmpty {
            let ids = Array(machine.unloaded.ids.prefix(batch))
            guard await load(ids) else { return }
            count += ids.count
            await Task.yield()
        }
        logger.info("incidents loaded", metadata: ["count": "\(count)", "elapsed": "\(ContinuousClock.now - start)"])
    }

    /// Decides a command, makes it durable, then answers with the reply for the HTTP response
    /// (when it fits there; otherwise every reply leaves through the outbox).
    public func submit(
        _ inbound: InboundCommand, fitsInAnswer: @escaping @Sendable (Reply) -> Bool = { _ in true }
    ) async -> Submission {
        let recorded = await record(inbound) { replies in
            guard let first = replies.first, fitsInAnswer(first) else { return 0 }
            return 1
        }
        switch recorded {
        case .answered(let replies): return .answered(replies.first)
        case .duplicate: return .duplicate
        case .unavailable: return .unavailable
        case .forbidden: return .forbidden
        }
    }

    /// Decides a command, makes it durable, then answers with every one of its replies; none
    /// goes to the outbox (a stakeholder copy of `/ic update` still does).
    public func submitAnsweringAll(_ inbound: InboundCommand) async -> FullSubmission {
        await record(inbound) { $0.count }
    }

    /// Keeps a channel's name when it is new or changed. A name the store refuses is used all the
    /// same, logged, and stored again with the channel's next command; the command goes on.
    private func learn(_ name: String, for channel: ChannelKey) async {
        guard channels.learn(name, for: channel) else { return }
        do {
            try await store.rememberChannelName(name, for: channel)
            channels.stored(name, for: channel)
        } catch {
            logger.warning("cannot keep a channel's name", metadata: ["channel": "\(channel)", "error": "\(error)"])
        }
    }

    /// Decides a command and makes it durable with every reply but the first `inAnswer(replies)`,
    /// which it returns for the HTTP answer.
    private func record(_ inbound: InboundCommand, inAnswer: ([Reply]) -> Int) async -> FullSubmission {
        switch machine.admit(inbound, at: time.now) {
        case .forbidden:
            countCommand("forbidden")
            return .forbidden
        case .duplicate:
            return .duplicate
        case .limited(let reply):
            countCommand("limited")
            return .answered([reply])
        case .admitted:
            break
        }
        if let name = inbound.channelName { await learn(name, for: inbound.channel) }
        if let id = machine.unloadedLatest(of: inbound.channel) {
            await load([id])
            // Without the channel's incident the command would go astray: refuse it, change nothing.
            if machine.unloadedLatest(of: inbound.channel) != nil { return .unavailable }
        }
        let parsed = machine.parse(inbound.text)
        return await gated(inbound.channel) {
            if store.isShared, !(await refresh(inbound.channel)) { return .unavailable }
            return await decideAndPersist(inbound, parsed, inAnswer: inAnswer)
        }
    }

    /// Decides a parsed command and makes it durable, deciding again after a conflict.
    private func decideAndPersist(
        _ inbound: InboundCommand, _ parsed: Result<Command, CommandError>, inAnswer: ([Reply]) -> Int
    ) async -> FullSubmission {
        for attempt in 0..<Self.conflictRetries {
            if case .success(.about(let id, _)) = parsed, !(await loadAddressed(id)) { return .unavailable }
            let now = time.now
            let decision = machine.decide(parsed, from: inbound, at: now)
            let outcome = decision.result.outcome
            countCommand(decision.result.verb?.rawValue ?? "invalid")
            replies.increment(by: outcome.replies.count + outcome.logReads.count)
            // Reading the log suspends the actor: only for a command that recorded nothing (the
            // commands that read it record nothing), so no other command's events can be committed
            // ahead of this one's.
            var replies = outcome.records.isEmpty ? await replies(of: outcome, at: now) : outcome.replies
            let kept = min(max(inAnswer(replies), 0), replies.count)
            let answered = Array(replies.prefix(kept))
            replies.removeFirst(kept)
            guard let commit = machine.commit(for: decision, queuing: replies, from: inbound, at: now) else {
                return .answered(answered)
            }
            switch await land(
                commit, of: decision, keys: inbound.dedupeKey.map { [$0] } ?? [], at: now, attempt: attempt)
            {
            case .stored: return .answered(answered)
            case .duplicate: return .duplicate
            case .failed: return .unavailable
            case .decideAgain: continue
            }
        }
        return .unavailable
    }

    private func countCommand(_ kind: String) {
        if let counter = commandCounters[kind] { return counter.increment() }
        let counter = Counter(label: "deputy_commands_total", dimensions: [("kind", kind)], factory: metrics)
        commandCounters[kind] = counter
        counter.increment()
    }

    /// The commander of an incident, to tell about delivery problems.
    public func commander(of id: IncidentID) async -> User? {
        await load([id])
        return machine.commander(of: id)
    }
}
