import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

extension DeskService {
    /// What the desk decides, apart from the store, the clock and the metrics: which commands are
    /// let in, which incidents must be read from the store first, what a command or a timer
    /// records and queues, and what the memory keeps after a commit lands or fails. Tested with
    /// no store and no clock; `DeskService` performs what it returns.
    struct StateMachine {
        /// Every incident folded into memory, and where each channel's commands go.
        private(set) var desk: Desk
        /// What the store holds that is not folded yet.
        private(set) var unloaded = Unloaded()
        /// How many commands a person and a channel may give.
        private var limiter: CommandLimiter
        /// Where commands may come from.
        let allow: DaemonSettings.Allow
        /// How long queued messages may wait, and where stakeholder updates are copied.
        let policy: DeliveryPolicy
        /// Dedupe keys applied in the last `seenInMemory`, with when: a platform's quick retry is
        /// answered from here without deciding it again. A later repeat is still caught by the
        /// store, which keeps every key for a day; here, 50 commands a second for a day would be
        /// millions of keys.
        private(set) var seen: [String: Date] = [:]
        /// When `seen` was last pruned: at most once a minute.
        private var seenPrunedAt = Date.distantPast

        /// How long a dedupe key stays in memory: longer than any platform's quick retries.
        static let seenInMemory: TimeInterval = 600

        /// A desk for a store whose channels' latest incidents, stored deadlines and highest
        /// incident number are these; no incident is folded yet.
        init(
            rules: Rules, policy: DeliveryPolicy, allow: DaemonSettings.Allow, limiter: CommandLimiter,
            latest: [(channel: ChannelKey, incident: IncidentID)], deadlines: [(incident: IncidentID, at: Date)],
            highestNumber: Int
        ) {
            self.desk = Desk(rules: rules, nextNumber: highestNumber + 1)
            self.policy = policy
            self.allow = allow
            self.limiter = limiter
            for (channel, id) in latest {
                unloaded.latest[channel] = id
                unloaded.ids.insert(id)
            }
            for (id, at) in deadlines {
                unloaded.deadlines[id] = at
                unloaded.ids.insert(id)
            }
        }

        // MARK: Commands

        /// Whether a command may be decided.
        enum Admission: Equatable {
            /// From a workspace or channel Deputy is not allowed in.
            case forbidden
            /// The same request was applied moments ago.
            case duplicate
            /// Over the person's or the channel's limit: this private answer says how long to wait.
            case limited(Reply)
            /// Let in.
            case admitted
        }

        /// Lets a command in, or says why not: allow list, dedupe, limits, in that order.
        mutating func admit(_ inbound: InboundCommand, at now: Date) -> Admission {
            guard allow.permits(inbound.channel) else { return .forbidden }
            if let key = inbound.dedupeKey, seen[key] != nil { return .duplicate }
            if let wait = limiter.admit(inbound.user, in: inbound.channel, at: now) {
                let seconds = Span(seconds: Int(wait.rounded(.up)))
                return .limited(
                    .privately(inbound.user, .rateLimited, ["user": .user(inbound.user), "wait": .duration(seconds)]))
            }
            return .admitted
        }

        /// A command decided: what it did, and what the desk needs to commit it.
        struct Decision {
            var result: Desk.Result
            /// Whether it opened a new incident.
            var opened: Bool
            /// The channel's incident before it, which a new declaration sends to rest.
            var previous: IncidentID?
        }

        /// Decides `parsed` from `inbound` at `now`: the one way from what was typed to a decision.
        mutating func decide(
            _ parsed: Result<Command, CommandError>, from inbound: InboundCommand, at now: Date
        ) -> Decision {
            let numberBefore = desk.nextNumber
            let previous = desk.latest[inbound.channel]
            let result = desk.handle(parsed, by: inbound.user, in: inbound.channel, at: now)
            return Decision(result: result, opened: result.incident?.number == numberBefore, previous: previous)
        }

        /// Decides an alert for `channel`.
        mutating func decideAlerts(
            _ batch: [IncomingAlert], _ action: AlertAction, severity: Severity, in channel: ChannelKey, at now: Date
        ) -> Decision {
            let numberBefore = desk.nextNumber
            let previous = desk.latest[channel]
            let result = desk.alerts(batch, action, severity: severity, in: channel, at: now)
            return Decision(result: result, opened: result.incident?.number == numberBefore, previous: previous)
        }

        /// Decides what delivery reported about an incident's room or its card.
        mutating func decideRoom(_ report: RoomReport, of id: IncidentID, at now: Date) -> Decision {
            let result =
                switch report {
                case .opened(let room, let name): desk.roomOpened(id, room: room, name: name, at: now)
                case .failed(let reason): desk.roomFailed(id, reason: reason, at: now)
                case .cardPosted(let message, let channel): desk.cardPosted(id, message: message, in: channel, at: now)
                }
            return Decision(result: result, opened: false, previous: nil)
        }

        /// Decides a pager's report on incident `id`'s page to `service`.
        mutating func decideReport(
            _ status: PagerStatus, on service: String, of id: IncidentID, by name: String?, at now: Date
        ) -> Decision {
            Decision(result: desk.report(status, on: service, of: id, by: name, at: now), opened: false, previous: nil)
        }

        /// The commit for a decided command: its events, the replies that do not go in the HTTP
        /// answer, a stakeholder channel's copy of an update, and its dedupe key. Nil when it
        /// records and queues nothing.
        func commit(
            for decision: Decision, queuing replies: [Reply], from inbound: InboundCommand, at now: Date
        ) -> Commit? {
            let outcome = decision.result.outcome
            let records = outcome.records
            guard
                !records.isEmpty || !replies.isEmpty || !outcome.pages.isEmpty || !outcome.rooms.isEmpty
                    || !outcome.elsewhere.isEmpty
            else { return nil }
            var commit = makeCommit(
                records, replies: replies, outcome: outcome, incident: decision.result.incident,
                opened: decision.opened, channel: inbound.channel, responseURL: inbound.responseURL,
                key: inbound.dedupeKey, at: now)
            if let id = decision.result.incident, let incident = desk.incidents[id],
                let text = Self.stakeholderUpdate(in: records)
            {
                commit.messages += broadcast(text, of: incident, by: inbound.user, at: now)
            }
            return commit
        }

        /// The command is durable: its key is remembered, and the channel's incident before a new
        /// declaration, history now, leaves memory (the store has it all).
        mutating func stored(_ decision: Decision, key: String?, at now: Date) {
            if let key { remember(key, at: now) }
            if decision.opened, let previous = decision.previous, desk.incidents[previous]?.isActive == false {
                unload(previous)
            }
        }

        /// Notes a dedupe key applied at `now`, and once a minute forgets those older than
        /// `seenInMemory`.
        mutating func remember(_ key: String, at now: Date) {
            seen[key] = now
            guard now.timeIntervalSince(seenPrunedAt) >= 60 else { return }
            seenPrunedAt = now
            pruneSeen(olderThan: now.addingTimeInterval(-Self.seenInMemory))
        }

        /// Drops dedupe keys older than `cutoff` (the store prunes its own).
        mutating func pruneSeen(olderThan cutoff: Date) {
            seen = seen.filter { $0.value >= cutoff }
        }

        // MARK: Timers

        /// Fires one incident's due timers at `now`: what they record and say, and their commit.
        mutating func due(_ id: IncidentID, at now: Date) -> (outcome: Outcome, commit: Commit?) {
            let outcome = desk.due(id, at: now)
            guard !outcome.isEmpty, let incident = desk.incidents[id] else { return (outcome, nil) }
            let commit = makeCommit(
                outcome.records, replies: outcome.replies, outcome: outcome, incident: id, opened: false,
                channel: incident.channel, responseURL: nil, key: nil, at: now)
            return (outcome, commit)
        }

        // MARK: Memory

        /// Folds in what the store gave for `wanted`; returns the deadlines that differ from the
        /// stored projection's (the rules changed while Deputy was down), for the scheduler.
        mutating func folded(_ stored: [Incident], wanted: [IncidentID]) -> [(IncidentID, Date?)] {
            var moved: [(IncidentID, Date?)] = []
            // Another caller may have loaded some meanwhile (and changed them since): those stay.
            for incident in stored where unloaded.ids.contains(incident.id) {
                if unloaded.latest[incident.channel] == incident.id { unloaded.latest[incident.channel] = nil }
                desk.replace(incident)
                let deadline = desk.nextDeadline(of: incident.id)
                if Self.moved(from: unloaded.deadlines[incident.id], to: deadline) {
                    moved.append((incident.id, deadline))
                }
            }
            for id in wanted {
                unloaded.ids.remove(id)
                unloaded.deadlines[id] = nil
            }
            // A channel must never wait for an incident the store does not hold.
            let missing = Set(wanted).subtracting(stored.map(\.id))
            if !missing.isEmpty { unloaded.latest = unloaded.latest.filter { !missing.contains($0.value) } }
            return moved
        }

        /// Folds in an incident a command names, read from the store though it was neither folded
        /// nor waiting to be (an old one at rest), unless another command folded it meanwhile.
        mutating func foldAddressed(_ incident: Incident) {
            if desk.incidents[incident.id] == nil { desk.replace(incident) }
        }

        /// Folds in a channel's latest incident as the store has it (another replica declared it).
        mutating func foldLatest(_ incident: Incident) {
            unloaded.ids.remove(incident.id)
            unloaded.deadlines[incident.id] = nil
            if unloaded.latest[incident.channel] == incident.id { unloaded.latest[incident.channel] = nil }
            desk.replace(incident)
        }

        /// Folds in the records another desk appended to an incident held in memory.
        mutating func catchUp(_ id: IncidentID, with records: [IncidentRecord]) {
            desk.catchUp(id, with: records)
        }

        /// The incident held for `channel` runs elsewhere now: forgotten, to be read where it runs.
        mutating func vacate(_ channel: ChannelKey) {
            guard let id = desk.latest[channel] else { return }
            desk.vacate(channel)
            unloaded.ids.insert(id)
            unloaded.latest[channel] = nil
        }

        /// New incidents are numbered above `number` (handed out elsewhere already).
        mutating func numberAbove(_ number: Int) {
            desk.numberAbove(number)
        }

        /// Drops an incident from memory, to be read from the store again when next needed (its
        /// in-memory state may hold changes the store refused).
        mutating func unload(_ id: IncidentID) {
            guard let incident = desk.incidents[id] else { return }
            if desk.latest[incident.channel] == id { unloaded.latest[incident.channel] = id }
            desk.forget(id)
            unloaded.ids.insert(id)
        }

        /// Lets go of the closed incidents nothing has touched since `cutoff`. Returns how many.
        mutating func unloadIdle(before cutoff: Date) -> Int {
            let idle = desk.incidents.values.filter { incident in
                !incident.isActive && (incident.lastRecordAt ?? .distantPast) < cutoff
            }
            for incident in idle { unload(incident.id) }
            return idle.count
        }

        /// After a commit that did not become durable: the incidents it declared are forgotten
        /// (never stored), with no deadline; returns the others, to be read back from the store.
        mutating func forgetFailed(_ failed: [Pending]) -> (forgotten: [IncidentID], reread: [IncidentID]) {
            let ids = Set(failed.compactMap(\.incident))
            let neverStored = Set(failed.filter(\.opened).compactMap(\.incident))
            for id in neverStored { desk.forget(id) }
            return (Array(neverStored), Array(ids.subtracting(neverStored)))
        }

        /// Puts back incidents as the store gave them after a failed commit (`wanted` the ones
        /// asked for; those the store no longer holds are forgotten); returns their deadlines.
        mutating func restored(_ stored: [Incident], wanted: [IncidentID]) -> [(IncidentID, Date?)] {
            var deadlines: [(IncidentID, Date?)] = []
            for id in wanted where !stored.contains(where: { $0.id == id }) {
                desk.forget(id)
                deadlines.append((id, nil))
            }
            for incident in stored {
                desk.replace(incident)
                deadlines.append((incident.id, desk.nextDeadline(of: incident.id)))
            }
            return deadlines
        }

    }
}
