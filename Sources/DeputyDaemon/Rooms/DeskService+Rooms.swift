import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

extension DeskService: RoomDesk {
    /// Records what delivery found out about incident `id`'s room or card, through the same gate,
    /// refresh and conflict retries as a command.
    public func report(_ report: RoomReport, of id: IncidentID) async -> SignalOutcome {
        guard await loadAddressed(id) else { return .unavailable }
        guard let channel = machine.channel(of: id) else { return .ignored }
        return await gated(channel) {
            if store.isShared, !(await refresh(channel)) { return .unavailable }
            return await decideSignal(in: channel, keys: []) { machine, now in
                machine.decideRoom(report, of: id, at: now)
            }
        }
    }

    /// Incident `id` as its card shows it now, caught up with the store beside replicas.
    public func roomView(of id: IncidentID) async -> RoomView? {
        guard await loadAddressed(id), let channel = machine.channel(of: id) else { return nil }
        if store.isShared { _ = await gated(channel) { await refresh(channel) } }
        guard let incident = desk.incidents[id] else { return nil }
        return RoomView(
            channel: incident.channel, card: incident.card,
            lines: incident.statusCard(at: time.now, rules: desk.rules), revision: incident.eventCount)
    }
}
