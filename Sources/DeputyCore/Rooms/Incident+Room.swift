import Foundation

extension Incident {
    /// Folds one of the room's events.
    mutating func applyRoom(_ event: IncidentEvent) {
        switch event {
        case .roomRequested(let name, let origin):
            room = RoomState(name: name, origin: origin)
            channel = origin
        case .roomOpened(let opened, let name):
            var state = room ?? RoomState(name: name, origin: channel)
            state.name = name
            state.isOpen = true
            state.failure = nil
            room = state
            channel = opened
            noteInvited(everyoneOnTheResponse)
        case .roomFailed(let reason):
            room?.failure = reason
        case .cardPosted(let channel, let message):
            card = StatusCard(channel: channel, message: message)
        case .roomArchived:
            room?.isArchived = true
        default:
            break
        }
    }

    /// Everyone the room should hold when it opens: the declarer, the commander, every role
    /// holder, everyone on the response and every open task's owner.
    var everyoneOnTheResponse: [User] {
        var people = [declaredBy, commander, pendingHandover].compactMap { $0 }
        people += roles.sorted { $0.key.description < $1.key.description }.map(\.value)
        people += roster.values.sorted { ($0.joinedAt, $0.user.id) < ($1.joinedAt, $1.user.id) }.map(\.user)
        people += openTasks.map(\.owner)
        return people
    }

    /// The people an event brings into the response, who belong in its room.
    static func invitees(of event: IncidentEvent, by actor: User?) -> [User] {
        switch event {
        case .joined(let user), .roleAssigned(_, let user), .handoverOffered(let user), .commandTakenOver(let user),
            .postmortemOwnerNamed(let user, _):
            [user]
        case .taskAssigned(_, let owner, _, _, _, _), .taskReassigned(_, let owner, _, _):
            [owner]
        case .commandClaimed, .handoverAccepted:
            actor.map { [$0] } ?? []
        default:
            []
        }
    }

    /// Marks `people` as asked into the room.
    mutating func noteInvited(_ people: [User]) {
        for user in people where room?.invited[user.id] == nil { room?.invited[user.id] = user }
    }
}

extension Incident {
    /// When the room is archived: `rooms.archive_after` past the postmortem's being done, for a
    /// room that is open and not archived yet; nil when that never comes.
    func roomArchiveDue(_ rules: Rules) -> Date? {
        guard let after = rules.rooms.archiveAfter, let room, room.isOpen, !room.isArchived, !isActive,
            let doneAt = postmortem?.doneAt
        else { return nil }
        return doneAt + after.interval
    }
}

extension Draft {
    /// The postmortem is done and the room has served: it says so, then is archived.
    mutating func archiveRoom() {
        guard incident.room?.isOpen == true, incident.room?.isArchived == false else { return }
        record(.roomArchived, by: nil)
        announce(.roomArchiving, ["incident": .plain(incident.id.description)])
        send(RoomJob(.archive, incident: incident.id, channel: incident.channel))
    }
}
