import Foundation

extension FakeMattermostServer {
    /// What a call asks of the server, its ids taken from the path.
    enum Route: Sendable {
        case createPost, ephemeral, patch(String), pin(String), createChannel, addMembers(String), archive(String)
        case getPost(String)
        /// A command's `response_url` or the incoming webhook: their address is their key.
        case hook

        /// Whether the bot's token must come with the call.
        var needsToken: Bool {
            if case .hook = self { return false }
            return true
        }

        var isAddMembers: Bool {
            if case .addMembers = self { return true }
            return false
        }
    }
}

extension FakeMattermostServer.State {
    /// Mattermost's `ChannelNameMaxLength`.
    static let nameLimit = 64

    /// The answer to one call, once its token and staged failures are dealt with.
    mutating func answer(
        _ route: FakeMattermostServer.Route, _ fields: [String: String], userIDs: [String]
    )
        -> FakeReply
    {
        switch route {
        case .createPost: return createPost(channel: fields["channel_id"] ?? "", message: fields["message"] ?? "")
        case .ephemeral: return .json(201, ["id": Self.nextID("e", &postCount)])
        case .patch(let id): return patch(id, message: fields["message"])
        case .getPost(let id):
            guard let index = live(id) else { return Self.appError(404, "app.post.get.app_error") }
            return .json(200, postObject(posts[index]))
        case .pin(let id): return pin(id)
        case .createChannel: return createChannel(fields)
        case .addMembers(let id): return addMembers(userIDs, to: id)
        case .archive(let id): return archive(id)
        case .hook: return .json(201, ["id": "p1"])
        }
    }

    /// Mattermost's AppError body with `status`.
    static func appError(_ status: Int, _ id: String, headers: [String: String] = [:]) -> FakeReply {
        .json(
            status, ["id": id, "message": id, "detailed_error": "", "request_id": "fake", "status_code": status],
            headers: headers)
    }

    /// A new channel's id; the channel kept.
    mutating func makeChannel(team: String, name: String, displayName: String, type: String) -> String {
        let id = Self.nextID("c", &channelCount)
        channels[id] = FakeMattermostServer.Channel(
            id: id, teamID: team, name: name, displayName: displayName, type: type, members: [], archived: false)
        return id
    }

    /// A 26-character id like Mattermost's: `prefix` and a zero-padded counter.
    private static func nextID(_ prefix: String, _ counter: inout Int) -> String {
        counter += 1
        return prefix + String(format: "%025d", counter)
    }

    private mutating func createPost(channel: String, message: String) -> FakeReply {
        guard !channel.isEmpty else { return Self.appError(400, "api.context.invalid_body_param.app_error") }
        if channels[channel]?.archived == true {
            return Self.appError(403, "api.post.create_post.can_not_post_to_deleted.error")
        }
        let post = FakeMattermostServer.Post(
            id: Self.nextID("p", &postCount), channelID: channel, message: message, isPinned: false, deleted: false)
        posts.append(post)
        return .json(201, postObject(post))
    }

    private func live(_ id: String) -> Int? {
        posts.firstIndex { $0.id == id && !$0.deleted }
    }

    private mutating func patch(_ id: String, message: String?) -> FakeReply {
        // Current servers turn "no such post" into a permission refusal on patch (api4/post.go).
        guard let index = live(id) else { return Self.appError(403, "api.context.permissions.app_error") }
        if let message { posts[index].message = message }
        return .json(200, postObject(posts[index]))
    }

    private mutating func pin(_ id: String) -> FakeReply {
        guard let index = live(id) else { return Self.appError(404, "app.post.get.app_error") }
        posts[index].isPinned = true
        return .json(200, ["status": "OK"])
    }

    private mutating func createChannel(_ fields: [String: String]) -> FakeReply {
        let team = fields["team_id"] ?? ""
        let name = fields["name"] ?? ""
        let display = fields["display_name"] ?? ""
        let type = fields["type"] ?? ""
        guard !team.isEmpty else { return Self.appError(400, "api.context.invalid_body_param.app_error") }
        guard !display.isEmpty, display.unicodeScalars.count <= 64 else {
            return Self.appError(400, "model.channel.is_valid.display_name.app_error")
        }
        guard type == "O" || type == "P" else { return Self.appError(400, "model.channel.is_valid.type.app_error") }
        guard Self.isValidName(name) else { return Self.appError(400, "model.channel.is_valid.name.app_error") }
        if channels.values.contains(where: { $0.teamID == team && $0.name == name }) {
            return Self.appError(400, "store.sql_channel.save_channel.exists.app_error")
        }
        let id = makeChannel(team: team, name: name, displayName: display, type: type)
        return .json(201, channelObject(id))
    }

    private mutating func addMembers(_ users: [String], to id: String) -> FakeReply {
        guard let channel = channels[id], !channel.archived else {
            return Self.appError(404, "app.channel.get.existing.app_error")
        }
        guard !users.isEmpty else { return Self.appError(400, "api.context.invalid_body_param.app_error") }
        // Someone already a member keeps their membership: no error.
        for user in users where channels[id]?.members.contains(user) == false {
            channels[id]?.members.append(user)
        }
        return .json(201, array: users.map { ["channel_id": id, "user_id": $0] })
    }

    private mutating func archive(_ id: String) -> FakeReply {
        guard let channel = channels[id] else { return Self.appError(404, "app.channel.get.existing.app_error") }
        guard !channel.archived else { return Self.appError(400, "api.channel.delete_channel.deleted.app_error") }
        channels[id]?.archived = true
        return .json(200, ["status": "OK"])
    }

    /// Mattermost's channel name rule: its regex and at most 64 characters.
    static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= nameLimit,
            let regex = try? NSRegularExpression(pattern: #"^[a-z0-9]+([a-z\-\_0-9]+|(__)?)[a-z0-9]*$"#)
        else { return false }
        return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }

    private func postObject(_ post: FakeMattermostServer.Post) -> [String: Any] {
        ["id": post.id, "channel_id": post.channelID, "message": post.message, "is_pinned": post.isPinned]
    }

    private func channelObject(_ id: String) -> [String: Any] {
        guard let channel = channels[id] else { return ["id": id] }
        return [
            "id": id, "team_id": channel.teamID, "name": channel.name, "display_name": channel.displayName,
            "type": channel.type, "delete_at": channel.archived ? 1 : 0,
        ]
    }
}
