import Foundation

extension FakeSlackWorkspace.State {
    /// The longest channel name Slack takes.
    static let nameLimit = 80

    /// The answer to one Web API call: a staged rate limit or refusal first, then the method.
    mutating func answer(_ method: String, _ fields: [String: String]) -> FakeReply {
        if let retryAfter = rateLimits[method]?.first {
            rateLimits[method]?.removeFirst()
            return .json(429, ["ok": false, "error": "ratelimited"], headers: ["Retry-After": "\(retryAfter)"])
        }
        if let error = failures[method]?.first {
            failures[method]?.removeFirst()
            return Self.refusal(error)
        }
        let channel = fields["channel"] ?? ""
        switch method {
        case "chat.postMessage": return post(fields["text"] ?? "", in: channel)
        case "chat.postEphemeral": return .json(200, ["ok": true, "message_ts": nextTimestamp()])
        case "chat.update": return update(channel: channel, ts: fields["ts"] ?? "", text: fields["text"] ?? "")
        case "pins.add": return pin(channel: channel, ts: fields["timestamp"] ?? "")
        case "conversations.create":
            return create(name: fields["name"] ?? "", isPrivate: fields["is_private"] == "true")
        case "conversations.invite": return invite(fields["users"] ?? "", to: channel)
        case "conversations.archive": return archive(channel)
        default: return Self.refusal("unknown_method")
        }
    }

    /// Slack's refusal: HTTP 200 and `{"ok":false,"error":…}`.
    static func refusal(_ error: String, _ extra: [String: Any] = [:]) -> FakeReply {
        .json(200, extra.merging(["ok": false, "error": error]) { _, new in new })
    }

    /// A new channel's id, `C` and a counter: never one of the tests' own channel ids.
    mutating func makeChannel(name: String, isPrivate: Bool) -> String {
        channelCount += 1
        let id = "C" + String(format: "%08d", channelCount)
        channels[id] = FakeSlackWorkspace.Channel(
            id: id, name: name, isPrivate: isPrivate, members: [], archived: false)
        return id
    }

    /// The next message timestamp: `1700000000.000001`, `…002`, ….
    mutating func nextTimestamp() -> String {
        messageCount += 1
        return "1700000000." + String(format: "%06d", messageCount)
    }

    private mutating func post(_ text: String, in channel: String) -> FakeReply {
        guard !channel.isEmpty else { return Self.refusal("channel_not_found") }
        if channels[channel]?.archived == true { return Self.refusal("is_archived") }
        let ts = nextTimestamp()
        messages[channel, default: []].append((FakeSlackWorkspace.Message(ts: ts, text: text), false))
        return .json(200, ["ok": true, "channel": channel, "ts": ts, "message": ["text": text, "ts": ts]])
    }

    private func live(_ channel: String, _ ts: String) -> Int? {
        messages[channel]?.firstIndex { $0.message.ts == ts && !$0.deleted }
    }

    private mutating func update(channel: String, ts: String, text: String) -> FakeReply {
        guard let index = live(channel, ts) else { return Self.refusal("message_not_found") }
        messages[channel]?[index].message.text = text
        return .json(200, ["ok": true, "channel": channel, "ts": ts, "text": text])
    }

    private mutating func pin(channel: String, ts: String) -> FakeReply {
        guard live(channel, ts) != nil else { return Self.refusal("message_not_found") }
        if pins[channel]?.contains(ts) == true { return Self.refusal("already_pinned") }
        pins[channel, default: []].append(ts)
        return .json(200, ["ok": true])
    }

    private mutating func create(name: String, isPrivate: Bool) -> FakeReply {
        guard !name.isEmpty else { return Self.refusal("invalid_name_required") }
        guard name.count <= Self.nameLimit else { return Self.refusal("invalid_name_maxlength") }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard allowed else { return Self.refusal("invalid_name_specials") }
        // Archived channels keep their names.
        if channels.values.contains(where: { $0.name == name }) { return Self.refusal("name_taken") }
        let id = makeChannel(name: name, isPrivate: isPrivate)
        return .json(200, ["ok": true, "channel": channelObject(id)])
    }

    private mutating func invite(_ users: String, to channel: String) -> FakeReply {
        guard let room = channels[channel] else { return Self.refusal("channel_not_found") }
        guard !room.archived else { return Self.refusal("is_archived") }
        let people = users.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !people.isEmpty else { return Self.refusal("no_user") }
        let new = people.filter { !room.members.contains($0) }
        guard !new.isEmpty else {
            let errors = people.map { ["user": $0, "ok": false, "error": "already_in_channel"] as [String: Any] }
            return Self.refusal("already_in_channel", ["errors": errors])
        }
        for person in new where channels[channel]?.members.contains(person) == false {
            channels[channel]?.members.append(person)
        }
        return .json(200, ["ok": true, "channel": channelObject(channel)])
    }

    private mutating func archive(_ channel: String) -> FakeReply {
        guard let room = channels[channel] else { return Self.refusal("channel_not_found") }
        guard !room.archived else { return Self.refusal("already_archived") }
        channels[channel]?.archived = true
        return .json(200, ["ok": true])
    }

    /// A channel as Slack describes it.
    private func channelObject(_ id: String) -> [String: Any] {
        guard let room = channels[id] else { return ["id": id] }
        return [
            "id": id, "name": room.name, "is_channel": true, "is_private": room.isPrivate, "is_member": true,
            "is_archived": room.archived, "created": 1_700_000_000, "creator": "UDEPUTY",
        ]
    }
}
