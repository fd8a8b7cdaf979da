import Foundation

/// An incident's room: asked for at declare, opened (or not) by delivery, told to the log.
extension Draft {
    /// Asks for the incident's room: the channel it was declared in hears the incident's name and
    /// where to join it; everything else is said in the room once it is open.
    mutating func requestRoom(leading: [Line]) {
        let rules = baseRules.rooms
        let name = rules.name(
            for: incident.id, title: incident.title, severity: incident.severity, platform: incident.channel.platform)
        record(.roomRequested(name: name, origin: incident.channel))
        send(
            RoomJob(
                .open(name: name, title: incident.title, isPrivate: rules.isPrivate),
                incident: incident.id, channel: incident.channel))
        var lines = leading
        lines.append(
            Line(
                .declaredRoom,
                [
                    "incident": .plain(incident.id.description), "title": .text(incident.title),
                    "severity": .plain(incident.severity.description), "room": .plain("#\(name)"),
                ]))
        if incident.drill { lines.append(Line(.declaredDrill)) }
        say(Reply(.channel, lines))
    }

    /// The room is open: the incident runs there from now on. The room hears the declaration
    /// (or who commands, if someone took command meanwhile); the channel it was declared in hears
    /// the room's name only when the platform gave it another one than was announced.
    mutating func openRoom(_ room: ChannelKey, name: String) {
        guard let asked = incident.room, !asked.isOpen else { return }
        record(.roomOpened(channel: room, name: name), by: nil)
        let link = PhraseValue.channel(id: room.channel, name: name)
        if let commander = incident.commander {
            announce(
                .roomWelcomeCommander,
                [
                    "incident": .plain(incident.id.description), "title": .text(incident.title),
                    "severity": .plain(incident.severity.description), "user": .user(commander),
                ])
        } else {
            say(Reply(.channel, incident.declaredLines))
        }
        if name != asked.name {
            say(
                .channel(.roomRenamed, ["incident": .plain(incident.id.description), "room": link]),
                in: asked.origin)
        }
    }

    /// The room could not be made: the incident runs where it was declared, and that channel
    /// hears why, then the declaration it would have heard in the room.
    mutating func roomFailed(_ reason: String) {
        guard let asked = incident.room, !asked.isOpen, asked.failure == nil else { return }
        record(.roomFailed(reason: reason), by: nil)
        let why = Line(.roomFailed, ["incident": .plain(incident.id.description), "reason": .text(reason)])
        say(Reply(.channel, [why] + incident.declaredLines))
    }

    /// Where the status card is, when the incident has one: `/ic status` says so.
    func cardWhereabouts() -> [Line] {
        guard let card = incident.card else { return [] }
        let name = incident.room?.isOpen == true ? incident.room?.name ?? card.channel.channel : card.channel.channel
        return [Line(.statusCardWhere, ["room": .channel(id: card.channel.channel, name: name)])]
    }

    /// The status card is (again) message `message` in `channel`.
    mutating func cardPosted(_ message: String, in channel: ChannelKey) {
        guard incident.card != StatusCard(channel: channel, message: message) else { return }
        record(.cardPosted(channel: channel, message: message), by: nil)
    }
}

extension Incident {
    /// Delivery opened the incident's room as `room`, named `name`.
    public mutating func roomOpened(_ room: ChannelKey, name: String, at now: Date, rules: Rules) -> Outcome {
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.openRoom(room, name: name)
        swap(&self, &draft.incident)
        return draft.outcome
    }

    /// Delivery could not open the incident's room, for `reason`.
    public mutating func roomFailed(_ reason: String, at now: Date, rules: Rules) -> Outcome {
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.roomFailed(reason)
        swap(&self, &draft.incident)
        return draft.outcome
    }

    /// Delivery posted the incident's status card as `message` in `channel`.
    public mutating func cardPosted(_ message: String, in channel: ChannelKey, at now: Date, rules: Rules) -> Outcome {
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.cardPosted(message, in: channel)
        swap(&self, &draft.incident)
        return draft.outcome
    }
}

extension Incident {
    /// The status card's lines at `now`: the board, as `/ic status` shows it, and a last line that
    /// says what the card is and when it was last brought up to date.
    public func statusCard(at now: Date, rules: Rules) -> [Line] {
        Draft(self, actor: nil, at: now, rules: rules).board()
            + [Line(.cardFooter, ["incident": .plain(id.description), "time": .time(now)])]
    }
}
