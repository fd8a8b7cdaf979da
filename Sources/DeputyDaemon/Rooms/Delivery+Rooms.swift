import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyServer
import DeputyStore
import Foundation
import Logging

extension Delivery {
    /// The most names tried for one room: the one asked for, then `-2` to `-5`.
    static let roomNameAttempts = 5

    /// Does one piece of work on an incident's room (open it, invite, bring its card up to date,
    /// archive it) and records what became of it, as `deliver` does for a message.
    func deliverRoom(_ row: OutboxRow, _ request: RoomJob) async {
        guard let platform = rooms[request.channel.platform] else {
            await bury(row, reason: "rooms are not set up for \(request.channel.platform)")
            return
        }
        let outcome: RoomWork
        switch request.action {
        case .open(let name, let title, let isPrivate):
            outcome = await open(row, request, name: name, title: title, isPrivate: isPrivate, on: platform)
        case .invite(let users):
            let ids = users.compactMap(platform.userID)
            outcome =
                ids.isEmpty ? .nothingToDo : await work(.invite(users: ids, room: request.channel.channel), platform)
        case .refreshCard:
            outcome = await refreshCard(of: request.incident, on: platform)
        case .archive:
            outcome = await work(.archive(room: request.channel.channel), platform)
        }
        // Only a call to the platform is paced: a card refresh with nothing new goes at once, so a
        // burst's leftover refreshes never hold up the next real edit.
        if outcome != .nothingToDo { machine.sent(to: row.channel, at: time.now) }
        switch outcome {
        case .done, .nothingToDo:
            await markDelivered(row)
        case .stopping:
            return
        case .retry(let after, let reason):
            await reschedule(row, after: after, reason: reason)
        case .failed(let reason):
            await bury(row, reason: reason)
        }
    }

    /// A room that will not be made (refused, or out of time to retry): the incident runs where it
    /// was declared, and the desk hears why, so that channel does.
    func roomWillNotOpen(_ row: OutboxRow, reason: String) async {
        guard let job = row.message.room, case .open = job.action else { return }
        // Made, but the store never took the news in time: it is open all the same.
        if let made = openedRooms.removeValue(forKey: row.id) {
            await tellDesk(.opened(made.room, name: made.name), of: job.incident)
        } else {
            await tellDesk(.failed(reason), of: job.incident)
        }
    }

    /// What became of one piece of room work.
    enum RoomWork: Equatable {
        case done
        /// Nothing to send (a card the incident has not changed since, an invite of no one).
        case nothingToDo
        case retry(after: TimeInterval?, reason: String)
        case failed(String)
        /// The daemon is stopping: the row stays as it was, for the last pass or the next start.
        case stopping
    }

    /// Makes the room, trying the name's alternatives while it is taken, and tells the desk. A room
    /// made whose news the desk could not record yet is remembered, so the retry tells it again
    /// instead of making a second room.
    private func open(
        _ row: OutboxRow, _ request: RoomJob, name: String, title: String, isPrivate: Bool,
        on platform: RoomPlatform
    ) async -> RoomWork {
        if let made = openedRooms[row.id] { return await announceOpened(row, request, made.room, made.name) }
        let display = "\(request.incident.description) \(title)"
        for attempt in 1...Self.roomNameAttempts {
            let candidate = RoomName.alternative(name, attempt: attempt, limit: platform.api.nameLimit)
            let call = RoomCall.createRoom(
                name: candidate, displayName: display, isPrivate: isPrivate, origin: request.channel)
            switch await result(of: call, on: platform) {
            case .done(let id?, let made):
                let room = ChannelKey(platform: request.channel.platform, team: request.channel.team, channel: id)
                openedRooms[row.id] = (room, made ?? candidate)
                return await announceOpened(row, request, room, made ?? candidate)
            case .done(nil, _):
                return .failed("\(request.channel.platform) made the room but did not say its id")
            case .nameTaken:
                continue
            case .messageGone:
                return .failed("\(request.channel.platform) did not make the room")
            case .retry(let after, let reason):
                return .retry(after: after, reason: reason)
            case .failed(let reason):
                return .failed(reason)
            case nil:
                return .stopping
            }
        }
        let last = RoomName.alternative(name, attempt: Self.roomNameAttempts, limit: platform.api.nameLimit)
        return .failed("the names #\(name) to #\(last) are all taken")
    }

    /// Tells the desk the room is open; to be tried again when the store could not record it.
    private func announceOpened(
        _ row: OutboxRow, _ request: RoomJob, _ room: ChannelKey, _ name: String
    ) async -> RoomWork {
        switch await tellDesk(.opened(room, name: name), of: request.incident) {
        case .unavailable:
            return .retry(after: nil, reason: "the room is open; the store could not record it yet")
        case .recorded, .duplicate, .ignored:
            openedRooms[row.id] = nil
            return .done
        }
    }

    /// Brings the card up to date: edits it in place when the incident changed since it was last
    /// sent, posts and pins a new one when there is none (or someone deleted it).
    private func refreshCard(of id: IncidentID, on platform: RoomPlatform) async -> RoomWork {
        guard let desk = roomDesk, let view = await desk.roomView(of: id) else { return .nothingToDo }
        if view.card != nil, let sent = cardRevisions[id], sent >= view.revision { return .nothingToDo }
        let text = platform.render(Reply(.channel, view.lines))
        if let card = view.card, card.channel == view.channel {
            let edit = RoomCall.edit(text: text, channel: card.channel.channel, message: card.message)
            switch await result(of: edit, on: platform) {
            case .done:
                cardRevisions[id] = view.revision
                return .done
            case .messageGone:
                logger.info("the status card was deleted: posting a new one", metadata: ["incident": "\(id)"])
            case .retry(let after, let reason):
                return .retry(after: after, reason: reason)
            case .failed(let reason):
                // Some platforms refuse the edit of a deleted message as if forbidden: asked.
                let lookUp = RoomCall.lookUp(channel: card.channel.channel, message: card.message)
                guard await result(of: lookUp, on: platform) == .messageGone else { return .failed(reason) }
                logger.info("the status card was deleted: posting a new one", metadata: ["incident": "\(id)"])
            case .nameTaken:
                return .failed("\(view.channel.platform) refused the card's edit")
            case nil:
                return .stopping
            }
        }
        switch await result(of: .post(text: text, channel: view.channel.channel), on: platform) {
        case .done(let message?, _):
            if case .failed(let reason) = await work(.pin(channel: view.channel.channel, message: message), platform) {
                logger.warning(
                    "the status card could not be pinned", metadata: ["incident": "\(id)", "reason": "\(reason)"])
            }
            cardRevisions[id] = view.revision
            if await tellDesk(.cardPosted(message, in: view.channel), of: id) == .unavailable {
                logger.error(
                    "the status card was posted; the store could not record where", metadata: ["incident": "\(id)"])
            }
            return .done
        case .done(nil, _):
            return .failed("\(view.channel.platform) posted the card but did not say its id")
        case .retry(let after, let reason):
            return .retry(after: after, reason: reason)
        case .failed(let reason):
            return .failed(reason)
        case .nameTaken, .messageGone:
            return .failed("\(view.channel.platform) refused the card")
        case nil:
            return .stopping
        }
    }

    /// One call whose answer needs no more than done or not.
    private func work(_ call: RoomCall, _ platform: RoomPlatform) async -> RoomWork {
        switch await result(of: call, on: platform) {
        case .done, .nameTaken: .done
        case .messageGone: .failed("the message is gone")
        case .retry(let after, let reason): .retry(after: after, reason: reason)
        case .failed(let reason): .failed(reason)
        case nil: .stopping
        }
    }

    /// Sends a call's requests in order and returns what the platform's answers mean: the first
    /// that is not done, else the last. Nil when the daemon is stopping.
    private func result(of call: RoomCall, on platform: RoomPlatform) async -> RoomCallResult? {
        var last = RoomCallResult.done(id: nil, name: nil)
        for request in platform.api.requests(for: call) {
            let http = HTTPClientRequest(
                method: request.method, url: request.url, headers: request.headers.map { ($0.key, $0.value) },
                body: Array(request.body), connectTimeout: .seconds(5), totalTimeout: .seconds(10))
            do {
                let response = try await transport.send(http)
                last = platform.api.result(
                    of: call, status: response.status, headers: response.headers, body: Data(response.body))
            } catch is CancellationError where Task.isCancelled {
                return nil
            } catch let error as CurlError where error.kind == .shutdown {
                return nil
            } catch let error as CurlError where error.kind == .invalidRequest {
                return .failed(reason: error.description)
            } catch {
                return .retry(after: nil, reason: "\(error)")
            }
            if case .done = last { continue }
            return last
        }
        return last
    }

    /// Hands what delivery found out to the desk; unavailable when no desk listens.
    @discardableResult
    private func tellDesk(_ report: RoomReport, of id: IncidentID) async -> SignalOutcome {
        guard let roomDesk else { return .unavailable }
        return await roomDesk.report(report, of: id)
    }
}
