import Foundation

extension FakeDiscordREST {
    /// What a call asks of the fake, its ids taken from the path.
    enum Route: Sendable {
        case startThread(String), addMember(String, String), post(String), edit(String, String), pin(String, String)
        /// `PATCH /channels/{id}`: a thread archived (or opened again).
        case modify(String)
        /// An interaction's follow-up webhook: its token is its key.
        case followUp
        /// A command registration.
        case register

        /// Whether the bot's token must come with the call.
        var needsToken: Bool {
            if case .followUp = self { return false }
            return true
        }
    }
}

extension FakeDiscordREST.State {
    /// Discord's longest thread name.
    static let nameLimit = 100

    /// The answer to one call, once its token and staged answers are dealt with.
    mutating func answer(_ route: FakeDiscordREST.Route, _ json: [String: Any]) -> FakeReply {
        switch route {
        case .startThread(let parent): return startThread(in: parent, json)
        case .addMember(let thread, let user): return add(user, to: thread)
        case .post(let channel): return post(json["content"] as? String ?? "", in: channel)
        case .edit(let channel, let id): return edit(channel, id, content: json["content"] as? String)
        case .pin(let channel, let id): return pin(channel, id)
        case .modify(let thread): return modify(thread, archived: json["archived"] as? Bool)
        case .followUp: return .json(200, ["id": nextID()])
        case .register: return .json(200, ["id": FakeDiscordREST.commandID])
        }
    }

    /// Discord's error body with `status`.
    static func error(_ status: Int, _ code: Int, _ message: String) -> FakeReply {
        .json(status, ["code": code, "message": message])
    }

    /// The next snowflake.
    mutating func nextID() -> String {
        lastID += 1
        return String(lastID)
    }

    private mutating func startThread(in parent: String, _ json: [String: Any]) -> FakeReply {
        let name = json["name"] as? String ?? ""
        let type = json["type"] as? Int ?? 12
        guard (1...Self.nameLimit).contains(name.count), type == 11 || type == 12 else {
            return Self.error(400, 50035, "Invalid Form Body")
        }
        let id = nextID()
        threads[id] = FakeDiscordREST.Thread(
            id: id, parentID: parent, name: name, type: type, members: [], archived: false)
        return .json(201, threadObject(id))
    }

    private mutating func add(_ user: String, to thread: String) -> FakeReply {
        guard let room = threads[thread] else { return Self.error(404, 10003, "Unknown Channel") }
        guard !room.archived else { return Self.error(400, 50083, "Thread is archived") }
        // Already a member: still a 204.
        if !room.members.contains(user) { threads[thread]?.members.append(user) }
        return .empty(204)
    }

    private mutating func post(_ content: String, in channel: String) -> FakeReply {
        if threads[channel]?.archived == true { return Self.error(400, 50083, "Thread is archived") }
        let message = FakeDiscordREST.Message(id: nextID(), content: content, pinned: false)
        messages[channel, default: []].append((message, false))
        return .json(200, ["id": message.id, "channel_id": channel, "content": content, "pinned": false])
    }

    private func live(_ channel: String, _ id: String) -> Int? {
        messages[channel]?.firstIndex { $0.message.id == id && !$0.deleted }
    }

    private mutating func edit(_ channel: String, _ id: String, content: String?) -> FakeReply {
        guard let index = live(channel, id) else { return Self.error(404, 10008, "Unknown Message") }
        if let content { messages[channel]?[index].message.content = content }
        let message = messages[channel]?[index].message
        return .json(
            200,
            ["id": id, "channel_id": channel, "content": message?.content ?? "", "pinned": message?.pinned ?? false])
    }

    private mutating func pin(_ channel: String, _ id: String) -> FakeReply {
        guard let index = live(channel, id) else { return Self.error(404, 10008, "Unknown Message") }
        messages[channel]?[index].message.pinned = true
        return .empty(204)
    }

    private mutating func modify(_ thread: String, archived: Bool?) -> FakeReply {
        guard threads[thread] != nil else { return Self.error(404, 10003, "Unknown Channel") }
        if let archived { threads[thread]?.archived = archived }
        return .json(200, threadObject(thread))
    }

    /// A thread as Discord describes it.
    private func threadObject(_ id: String) -> [String: Any] {
        guard let thread = threads[id] else { return ["id": id] }
        return [
            "id": id, "type": thread.type, "name": thread.name, "parent_id": thread.parentID,
            "thread_metadata": ["archived": thread.archived, "auto_archive_duration": 10_080, "locked": false],
        ]
    }
}
