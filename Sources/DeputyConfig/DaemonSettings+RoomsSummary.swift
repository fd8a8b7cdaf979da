import Foundation

extension DaemonSettings {
    /// What `deputy check` says about incident rooms: off, or how rooms are named, paced,
    /// archived and announced, and what each platform that is on needs for them (Slack's scopes,
    /// Mattermost's permissions, Discord's) or that it has none.
    public var roomsSummary: [String] {
        guard rooms.enabled else {
            return [
                "rooms: off (incidents run in the channel they were declared in; set rooms.enabled or "
                    + "DEPUTY_ROOMS to open a room per incident)"
            ]
        }
        let privacy = rooms.isPrivate ? "private" : "public"
        let archive = rooms.archiveAfter.map { "archived \(Self.written($0)) after the postmortem" } ?? "never archived"
        var lines = [
            "rooms: on (named \(rooms.name), \(privacy); status card edited at most every "
                + "\(Self.written(rooms.cardInterval)); \(archive); \(announcement))"
        ]
        if slackEnabled {
            lines.append(
                "rooms on slack: the bot token needs the scopes \(rooms.slackScopes.joined(separator: ", ")) "
                    + "(deputy slack-manifest asks for them)")
        }
        if mattermostEnabled { lines.append(mattermostRoomsLine) }
        if discordEnabled { lines.append(discordRoomsLine) }
        if teamsEnabled {
            lines.append(
                "rooms on teams: none (an outgoing webhook has no API for rooms; incidents run in the channel "
                    + "they were declared in)")
        }
        return lines
    }

    /// Where new rooms are announced, in words.
    private var announcement: String {
        let given = Rooms.platforms.compactMap { platform in rooms.announce[platform].map { (platform, $0) } }
        guard let first = given.first else { return "no announcements channel" }
        if given.count == Rooms.platforms.count, given.allSatisfy({ $0.1 == first.1 }) {
            return "announced in \(first.1)"
        }
        return "announced in " + given.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// What Mattermost's bot needs for rooms, or that it has none without its REST API.
    private var mattermostRoomsLine: String {
        guard mattermostUsesAPI else {
            return "rooms on mattermost: none while it posts through an incoming webhook (set MATTERMOST_URL and "
                + "MATTERMOST_BOT_TOKEN)"
        }
        let kind = rooms.isPrivate ? "private" : "public"
        var permissions = ["create_\(kind)_channel", "manage_\(kind)_channel_members"]
        if rooms.archiveAfter != nil { permissions.append("delete_\(kind)_channel (to archive)") }
        return "rooms on mattermost: the bot must be a member of every team incidents are declared in and hold "
            + permissions.joined(separator: ", ")
    }

    /// What Discord's bot needs for rooms: a thread in the channel each incident is declared in.
    private var discordRoomsLine: String {
        let kind = rooms.isPrivate ? "Private" : "Public"
        var permissions = ["Create \(kind) Threads", "Send Messages in Threads", "Pin Messages"]
        if rooms.archiveAfter != nil { permissions.append("Manage Threads (to archive)") }
        return "rooms on discord: a thread in the channel each incident is declared in; the bot needs "
            + permissions.joined(separator: ", ")
    }
}
