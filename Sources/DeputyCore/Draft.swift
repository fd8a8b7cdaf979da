import Foundation

/// An outcome under construction: each recorded event is folded into a working copy of the
/// incident at once, so later decisions in the same command see its effect.
struct Draft {
    var incident: Incident
    let now: Date
    let actor: User?
    let baseRules: Rules
    private(set) var outcome = Outcome()

    init(_ incident: Incident, actor: User?, at now: Date, rules: Rules) {
        self.incident = incident
        self.actor = actor
        self.now = now
        self.baseRules = rules
    }

    /// Works on `incident` in place: its state moves into the draft (and back when the caller
    /// swaps it out again), so a command never copies an incident's arrays.
    init(taking incident: inout Incident, actor: User?, at now: Date, rules: Rules) {
        // A drill runs on its own, faster clock: every record and deadline carries its time.
        self.init(
            Incident(id: incident.id, channel: incident.channel, declaredAt: incident.declaredAt), actor: actor,
            at: incident.clock(now), rules: rules)
        swap(&self.incident, &incident)
    }

    /// Appends an event by the acting user and folds it in.
    mutating func record(_ event: IncidentEvent) {
        record(event, by: actor)
    }

    /// Appends an event with an explicit actor (nil for Deputy's own timers) and folds it in.
    mutating func record(_ event: IncidentEvent, by actor: User?) {
        let record = IncidentRecord(at: now, actor: actor, event: event)
        incident.apply(record)
        outcome.records.append(record)
    }

    /// Queues a page (or its resolve) for the outbox.
    mutating func send(_ page: PageRequest) {
        outcome.pages.append(page)
    }

    /// Queues work on the incident's room for the outbox.
    mutating func send(_ room: RoomJob) {
        outcome.rooms.append(room)
    }

    /// Queues a reply for a channel other than the incident's.
    mutating func say(_ reply: Reply, in channel: ChannelKey) {
        outcome.elsewhere.append(Outcome.Elsewhere(channel, reply))
    }

    /// Queues a reply.
    mutating func say(_ reply: Reply) {
        outcome.replies.append(reply)
    }

    /// Asks the desk for an answer made from the log, in the place of the next reply.
    mutating func readLog(_ kind: LogRead.Kind, for user: User) {
        outcome.logReads.append(
            LogRead(kind: kind, incident: incident.id, user: user, position: outcome.replies.count))
    }

    /// Replaces every reply queued so far (a digest of them, say).
    mutating func replaceReplies(with replies: [Reply]) {
        outcome.replies = replies
    }

    /// Queues a one-line channel reply.
    mutating func announce(_ key: PhraseKey, _ values: [String: PhraseValue] = [:]) {
        say(.channel(key, values))
    }

    /// Queues a one-line private reply.
    mutating func tell(_ user: User, _ key: PhraseKey, _ values: [String: PhraseValue] = [:]) {
        say(.privately(user, key, values))
    }

    /// Removes the channel replies queued since `mark` and returns their lines (private ones stay).
    mutating func takeChannelLines(since mark: Int) -> [Line] {
        var taken: [Line] = []
        var kept = Array(outcome.replies[..<mark])
        for reply in outcome.replies[mark...] {
            if reply.isPrivate { kept.append(reply) } else { taken += reply.lines }
        }
        outcome.replies = kept
        return taken
    }

    /// Puts `user` on the roster if they are not on it.
    mutating func enlist(_ user: User) {
        if incident.roster[user.id] == nil { record(.joined(user), by: user) }
    }

    /// The rules in force for the incident's severity now (it may change during a command).
    var rules: Rules { baseRules.effective(for: incident.severity) }
}
