import DeputyCore
import DeputyServer
import Foundation

/// What the desk's memory says, read only: where a channel's commands go, what is folded and
/// what is not, deadlines, and how far memory is behind the store.
extension DeskService.StateMachine {
    /// The channel's latest incident when it is not folded yet: a command there needs it.
    func unloadedLatest(of channel: ChannelKey) -> IncidentID? {
        unloaded.latest[channel]
    }

    /// The channel of an incident held in memory.
    func channel(of id: IncidentID) -> ChannelKey? {
        desk.incidents[id]?.channel
    }

    /// Reads a command's text with the rules (what `P1` means).
    func parse(_ text: String) -> Result<Command, CommandError> {
        desk.parse(text)
    }

    /// Every folded incident's next deadline, and the stored one of each not folded yet.
    func deadlines() -> [(IncidentID, Date)] {
        desk.incidents.keys.compactMap { id in desk.nextDeadline(of: id).map { (id, $0) } }
            + unloaded.deadlines.map { ($0.key, $0.value) }
    }

    /// One incident's next deadline.
    func nextDeadline(of id: IncidentID) -> Date? {
        desk.nextDeadline(of: id)
    }

    /// Of `ids`, those the store holds that are not folded yet.
    func unfolded(_ ids: [IncidentID]) -> [IncidentID] {
        ids.filter { unloaded.ids.contains($0) }
    }

    /// Whether `id` is in the store and not folded yet.
    func isUnfolded(_ id: IncidentID) -> Bool {
        unloaded.ids.contains(id)
    }

    /// What memory must read to be as current as the store's `head` of a channel: nothing,
    /// the records after those it folded, or the whole incident (one it does not hold).
    enum Freshness: Equatable {
        case current
        case catchUp(IncidentID, after: Int)
        case fold(IncidentID)
        case vacated
    }

    /// How far memory is behind the store's latest incident of `channel` (`head`).
    func freshness(of channel: ChannelKey, head: (incident: IncidentID, eventCount: Int)?) -> Freshness {
        // No incident in the store's channel while one is held here: it moved into its room.
        guard let head else { return desk.latest[channel] == nil ? .current : .vacated }
        guard desk.latest[channel] == head.incident, let incident = desk.incidents[head.incident] else {
            return .fold(head.incident)
        }
        return incident.eventCount < head.eventCount
            ? .catchUp(head.incident, after: incident.eventCount) : .current
    }

    /// Whether `id` is folded.
    func isFolded(_ id: IncidentID) -> Bool {
        desk.incidents[id] != nil
    }

    /// The incident commander of `id`, when it is folded.
    func commander(of id: IncidentID) -> User? {
        desk.incidents[id]?.commander
    }

    /// An incident's event count in memory: a commit's projection tells the scheduler its
    /// deadline only while no later command changed the incident.
    func eventCount(of id: IncidentID) -> Int? {
        desk.incidents[id]?.eventCount
    }
}
