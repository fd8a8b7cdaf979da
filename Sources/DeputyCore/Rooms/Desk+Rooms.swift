import Foundation

extension Desk {
    /// Delivery opened incident `id`'s room as `room`, named `name`: the incident's commands come
    /// from there now, and the channel it was declared in is free for the next one.
    public mutating func roomOpened(_ id: IncidentID, room: ChannelKey, name: String, at now: Date) -> Result {
        let rules = self.rules
        guard let origin = incidents[id]?.room?.origin else { return Result(incident: nil, outcome: Outcome()) }
        let outcome = update(id) { $0.roomOpened(room, name: name, at: now, rules: rules) }
        guard !outcome.isEmpty else { return Result(incident: nil, outcome: outcome) }
        if latest[origin] == id { latest[origin] = nil }
        latest[room] = id
        return Result(incident: id, outcome: outcome)
    }

    /// Delivery could not open incident `id`'s room: it runs where it was declared.
    public mutating func roomFailed(_ id: IncidentID, reason: String, at now: Date) -> Result {
        let rules = self.rules
        let outcome = update(id) { $0.roomFailed(reason, at: now, rules: rules) }
        return Result(incident: outcome.isEmpty ? nil : id, outcome: outcome)
    }

    /// Delivery posted incident `id`'s status card as `message` in `channel`.
    public mutating func cardPosted(_ id: IncidentID, message: String, in channel: ChannelKey, at now: Date) -> Result {
        let rules = self.rules
        let outcome = update(id) { $0.cardPosted(message, in: channel, at: now, rules: rules) }
        return Result(incident: outcome.isEmpty ? nil : id, outcome: outcome)
    }
}

/// What an incident with a room looked like before a change: what the change brings to its room
/// (invitations, a fresher card) and to the announcements channel is read from the difference.
struct RoomWatch {
    var invited: Set<String>
    var commander: User?
    var isActive: Bool
    var postmortemDone: Bool

    init?(_ incident: Incident) {
        guard let room = incident.room else { return nil }
        invited = Set(room.invited.keys)
        commander = incident.commander
        isActive = incident.isActive
        postmortemDone = incident.postmortem?.done == true
    }
}

extension Incident {
    /// The work a change (`outcome`, already folded in) brings to the incident's room: everyone
    /// new to the response invited, the card brought up to date, and the announcements channel
    /// told of each turn.
    func followRoom(from before: RoomWatch?, into outcome: inout Outcome, rules: Rooms) {
        guard let room, !outcome.records.isEmpty else { return }
        if room.isOpen, !room.isArchived {
            let known = before?.invited ?? []
            let new = room.invited.keys.filter { !known.contains($0) }.sorted().compactMap { room.invited[$0] }
            if !new.isEmpty { outcome.rooms.append(RoomJob(.invite(new), incident: id, channel: channel)) }
        }
        let settled = room.isOpen || room.failure != nil
        let changesTheBoard = outcome.records.contains { record in
            switch record.event {
            case .cardPosted, .roomArchived, .roomRequested: false
            default: true
            }
        }
        if settled, !room.isArchived, changesTheBoard {
            outcome.rooms.append(RoomJob(.refreshCard, incident: id, channel: channel))
        }
        if !drill, let target = rules.announcements(for: channel) {
            for line in announcements(after: before, records: outcome.records) {
                outcome.elsewhere.append(Outcome.Elsewhere(target, Reply(.channel, [line])))
            }
        }
    }

    /// The announcements a change makes: declared (once its room is open, or could not be),
    /// severity changed, a new commander, resolved, the postmortem done.
    private func announcements(after before: RoomWatch?, records: [IncidentRecord]) -> [Line] {
        var values: [String: PhraseValue] = [
            "incident": .plain(id.description), "title": .text(title), "severity": .plain(severity.description),
        ]
        if let room, room.isOpen { values["room"] = .channel(id: channel.channel, name: room.name) }
        let linked = values["room"] != nil
        var lines: [Line] = []
        // Someone who took command before the room opened is announced with the declaration.
        var commanderBefore = before?.commander
        for record in records {
            switch record.event {
            case .roomOpened:
                lines.append(Line(.announceDeclared, values))
                commanderBefore = nil
            case .roomFailed:
                lines.append(Line(.announceDeclaredNoRoom, values))
                commanderBefore = nil
            case .severityChanged:
                lines.append(Line(linked ? .announceSeverity : .announceSeverityNoRoom, values))
            default:
                break
            }
        }
        if let commander, commander != commanderBefore, isActive {
            var named = values
            named["user"] = .plain(commander.name)
            lines.append(Line(linked ? .announceCommander : .announceCommanderNoRoom, named))
        }
        if before?.isActive == true, let closedAt {
            var closed = values
            closed["elapsed"] = .duration(Span(from: declaredAt, to: closedAt))
            let falseAlarm = if case .falseAlarm = status { true } else { false }
            lines.append(Line(falseAlarm ? .announceFalseAlarm : .announceResolved, closed))
        }
        if before?.postmortemDone == false, postmortem?.done == true {
            lines.append(Line(.announcePostmortemDone, values))
        }
        return lines
    }
}
