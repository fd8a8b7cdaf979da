import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

extension DeskService: SignalDesk {
    /// Alerts for `channel` (one route's group from one request, all firing or all resolved), with
    /// what their route says to do: decided and made durable like a command, said in one message,
    /// each alert's news once (its dedupe key, with the channel's). The outcome of each, in order.
    public func alerts(
        _ batch: [IncomingAlert], _ action: AlertAction, severity: Severity, in channel: ChannelKey
    ) async -> [SignalOutcome] {
        let keys = batch.map { "\($0.dedupeKey)@\(channel)" }
        var outcomes: [SignalOutcome?] = keys.map { machine.seen[$0] != nil ? .duplicate : nil }
        let fresh = batch.indices.filter { outcomes[$0] == nil }
        guard !fresh.isEmpty else { return outcomes.map { $0 ?? .duplicate } }
        var result = SignalOutcome.unavailable
        if let id = machine.unloadedLatest(of: channel) { await load([id]) }
        if machine.unloadedLatest(of: channel) == nil {
            result = await gated(channel) {
                if store.isShared, !(await refresh(channel)) { return .unavailable }
                return await decideSignal(in: channel, keys: fresh.map { keys[$0] }) { machine, now in
                    machine.decideAlerts(fresh.map { batch[$0] }, action, severity: severity, in: channel, at: now)
                }
            }
        }
        if result == .duplicate, fresh.count > 1 {
            // The store knew one of them (memory had forgotten it): each alone, so the new ones count.
            for index in fresh {
                outcomes[index] = await alerts([batch[index]], action, severity: severity, in: channel)[0]
            }
        } else {
            for index in fresh { outcomes[index] = result }
        }
        return outcomes.map { $0 ?? .unavailable }
    }

    /// What a pager reported about the page to `service` of incident `id` (PagerDuty's webhook),
    /// once per delivery (`key`, PagerDuty's `X-Webhook-Id`).
    public func report(
        _ status: PagerStatus, on service: String, of id: IncidentID, by name: String?, key: String?
    ) async -> SignalOutcome {
        let key = key.map { "pager:\($0)" }
        if let key, machine.seen[key] != nil { return .duplicate }
        guard await loadAddressed(id) else { return .unavailable }
        // No such incident here (another Deputy's key, or one long gone): nothing to note.
        guard let channel = machine.channel(of: id) else { return .ignored }
        return await gated(channel) {
            if store.isShared, !(await refresh(channel)) { return .unavailable }
            return await decideSignal(in: channel, keys: key.map { [$0] } ?? []) { machine, now in
                machine.decideReport(status, on: service, of: id, by: name, at: now)
            }
        }
    }

    /// Decides a signal and makes it durable, deciding again after a conflict.
    func decideSignal(
        in channel: ChannelKey, keys: [String], _ decide: (inout StateMachine, Date) -> StateMachine.Decision
    ) async -> SignalOutcome {
        for attempt in 0..<Self.conflictRetries {
            let now = time.now
            let decision = decide(&machine, now)
            guard let commit = machine.commit(for: decision, in: channel, keys: keys, at: now) else { return .ignored }
            switch await land(commit, of: decision, keys: keys, at: now, attempt: attempt) {
            case .stored: return .recorded
            case .duplicate: return .duplicate
            case .failed: return .unavailable
            case .decideAgain: continue
            }
        }
        return .unavailable
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
