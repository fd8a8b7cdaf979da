import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

extension DeskService: SignalDesk {
    /// An alert for `channel`, with what its route says to do: decided and made durable like a
    /// command, once per alert's news (its dedupe key, with the channel's).
    public func alert(
        _ alert: IncomingAlert, _ action: AlertAction, severity: Severity, in channel: ChannelKey
    ) async -> SignalOutcome {
        let key = "\(alert.dedupeKey)@\(channel)"
        if machine.seen[key] != nil { return .duplicate }
        if let id = machine.unloadedLatest(of: channel) {
            await load([id])
            if machine.unloadedLatest(of: channel) != nil { return .unavailable }
        }
        return await gated(channel) {
            if store.isShared, !(await refresh(channel)) { return .unavailable }
            return await decideSignal(in: channel, key: key) { machine, now in
                machine.decideAlert(alert, action, severity: severity, in: channel, at: now)
            }
        }
    }

    /// What a pager reported about the page to `service` of incident `id` (PagerDuty's webhook),
    /// once per delivery (`key`, PagerDuty's `X-Webhook-Id`).
    public func report(
        _ status: PagerStatus, on service: String, of id: IncidentID, by name: String?, key: String?
    ) async -> SignalOutcome {
        let key = key.map { "pager:\($0)" }
        if let key, machine.seen[key] != nil { return .duplicate }
        guard await loadAddressed(id), let channel = machine.channel(of: id) else { return .unavailable }
        return await gated(channel) {
            if store.isShared, !(await refresh(channel)) { return .unavailable }
            return await decideSignal(in: channel, key: key) { machine, now in
                machine.decideReport(status, on: service, of: id, by: name, at: now)
            }
        }
    }

    /// Decides a signal and makes it durable, deciding again after a conflict.
    private func decideSignal(
        in channel: ChannelKey, key: String?, _ decide: (inout StateMachine, Date) -> StateMachine.Decision
    ) async -> SignalOutcome {
        for attempt in 0..<Self.conflictRetries {
            let now = time.now
            let decision = decide(&machine, now)
            guard let commit = machine.commit(for: decision, in: channel, key: key, at: now) else { return .ignored }
            switch await land(commit, of: decision, key: key, at: now, attempt: attempt) {
            case .stored: return .recorded
            case .duplicate: return .duplicate
            case .failed: return .unavailable
            case .decideAgain: continue
            }
        }
        return .unavailable
    }
}

extension DeskService.StateMachine {
    /// The commit for a decided signal: its events, every reply queued for `channel`, its pages,
    /// and its dedupe key. Nil when it records and says nothing.
    func commit(for decision: Decision, in channel: ChannelKey, key: String?, at now: Date) -> Commit? {
        let outcome = decision.result.outcome
        guard !outcome.records.isEmpty || !outcome.replies.isEmpty || !outcome.pages.isEmpty else { return nil }
        let target = decision.result.incident.flatMap { self.channel(of: $0) } ?? channel
        return makeCommit(
            outcome.records, replies: outcome.replies, pages: outcome.pages, incident: decision.result.incident,
            opened: decision.opened, channel: target, responseURL: nil, key: key, at: now)
    }
}

extension DeskService {
    /// The active incident held in memory with an open page to `service`, the latest paged.
    public func openPage(toService service: String) async -> IncidentID? {
        let name = service.lowercased()
        return desk.incidents.values
            .filter(\.isActive)
            .compactMap { incident in
                incident.page(to: name).flatMap { $0.isOpen ? (incident.id, $0.pagedAt) : nil }
            }
            .max { $0.1 < $1.1 }?.0
    }
}
