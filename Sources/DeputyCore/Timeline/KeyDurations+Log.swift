import Foundation

extension KeyDurations {
    /// The key durations of a log: `end` is when the incident closed, or now while it is active.
    /// Time after a resolve counts for neither a phase nor a responder, until a reopen.
    public init(log records: [IncidentRecord], declaredAt: Date, end: Date) {
        var clock = StretchClock()
        var impactStart: Date?
        var timeToCommander: Span?
        var timeToFirstUpdate: Span?
        var firstPage: Date?
        var timeToAcknowledge: Span?
        var open = true
        for record in records {
            let at = record.at
            switch record.event {
            case .commandClaimed, .handoverAccepted, .commandTakenOver:
                if timeToCommander == nil { timeToCommander = Span(from: declaredAt, to: at) }
            case .stakeholderUpdate:
                if timeToFirstUpdate == nil { timeToFirstUpdate = Span(from: declaredAt, to: at) }
            case .paged:
                if firstPage == nil { firstPage = at }
            case .pageAcknowledged, .pagerReported(_, .acknowledged, _):
                if timeToAcknowledge == nil, let firstPage { timeToAcknowledge = Span(from: firstPage, to: at) }
            case .impactSet(_, let since):
                if let since { impactStart = since }
            case .phaseStarted(let phase, _):
                clock.startPhase(phase, at: at, counting: open)
            case .joined(let user):
                clock.join(user, at: at, counting: open)
            case .left(let user), .released(let user):
                clock.leave(user, at: at)
            case .resolved, .closedAsFalseAlarm:
                open = false
                clock.pause(at: at)
            case .reopened:
                open = true
                clock.resume(at: at)
            default:
                break
            }
        }
        if open { clock.pause(at: end) }
        self.init(
            impactStart: impactStart, impactToDeclare: impactStart.map { Span(from: $0, to: declaredAt) },
            timeToCommander: timeToCommander, timeToFirstUpdate: timeToFirstUpdate,
            timeToMobilize: firstPage.map { Span(from: declaredAt, to: $0) }, timeToAcknowledge: timeToAcknowledge,
            phases: clock.phaseOrder.map { PhaseTime(phase: $0, span: Span(seconds: clock.phaseSeconds[$0] ?? 0)) },
            total: Span(from: declaredAt, to: end), ongoing: open,
            responders: clock.people.map { ResponderTime(user: $0, span: Span(seconds: clock.seconds[$0.id] ?? 0)) })
    }
}

/// Adds up the stretches spent in each phase and by each person on the response.
private struct StretchClock {
    var phase: Phase?
    var phaseSince: Date?
    var phaseOrder: [Phase] = []
    var phaseSeconds: [Phase: Int] = [:]
    /// Everyone who joined, in the order they first did.
    var people: [User] = []
    /// Who is on the response now, and since when they count (nil while the incident is closed).
    var onSince: [String: Date?] = [:]
    var seconds: [String: Int] = [:]

    mutating func startPhase(_ next: Phase, at: Date, counting: Bool) {
        closePhase(at: at)
        phase = next
        phaseSince = counting ? at : nil
        if !phaseOrder.contains(next) { phaseOrder.append(next) }
    }

    mutating func join(_ user: User, at: Date, counting: Bool) {
        if !people.contains(user) { people.append(user) }
        if onSince[user.id] == nil { onSince[user.id] = .some(counting ? at : nil) }
    }

    mutating func leave(_ user: User, at: Date) {
        guard let since = onSince.removeValue(forKey: user.id) else { return }
        if let since { seconds[user.id, default: 0] += Span(from: since, to: at).seconds }
    }

    /// The incident closed (or the log ended): every stretch stops counting at `at`.
    mutating func pause(at: Date) {
        closePhase(at: at)
        phaseSince = nil
        for (id, since) in onSince {
            if let since { seconds[id, default: 0] += Span(from: since, to: at).seconds }
            onSince[id] = .some(nil)
        }
    }

    /// The incident reopened: the current phase and everyone still on the response count again.
    mutating func resume(at: Date) {
        if phase != nil { phaseSince = at }
        for id in onSince.keys { onSince[id] = .some(at) }
    }

    private mutating func closePhase(at: Date) {
        guard let phase, let since = phaseSince else { return }
        phaseSeconds[phase, default: 0] += Span(from: since, to: at).seconds
        phaseSince = nil
    }
}
