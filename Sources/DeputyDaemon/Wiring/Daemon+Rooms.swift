import DeputyChat
import DeputyConfig
import DeputyCore
import Foundation

extension Daemon {
    /// Each platform's side of incident rooms, when rooms are on: Slack with a bot token,
    /// Mattermost through its REST API (an incoming webhook cannot make channels), Discord with a
    /// bot token. Teams and the generic webhook have none: their incidents run where declared.
    static func roomPlatforms(
        _ settings: DaemonSettings, slack: SlackEncoder?, mattermost: MattermostEncoder, discord: DiscordEncoder,
        people: MattermostPeople
    ) -> [String: RoomPlatform] {
        let rooms = settings.rooms
        guard rooms.enabled else { return [:] }
        var platforms: [String: RoomPlatform] = [:]
        if let slack, let token = settings.slack.botToken {
            platforms[SlashCommand.platform] = RoomPlatform(
                api: SlackRoomAPI(apiBase: settings.slack.apiURL, token: token.value),
                render: { slack.parts(of: $0).first?.text ?? "" }, userID: RoomPlatform.userIDs,
                cardInterval: rooms.cardInterval)
        }
        if case .api(let url, let token) = mattermostRoute(settings) {
            platforms[MattermostCommand.platform] = RoomPlatform(
                api: MattermostRoomAPI(url: url, botToken: token), render: { mattermost.parts(of: $0).first ?? "" },
                userID: { people.id(of: $0.id) }, cardInterval: rooms.cardInterval)
        }
        if settings.discordEnabled, let token = settings.discord.botToken {
            platforms[DiscordCommand.platform] = RoomPlatform(
                api: DiscordRoomAPI(apiBase: settings.discord.apiURL, botToken: token.value),
                render: { discord.parts(of: $0).first ?? "" }, userID: RoomPlatform.userIDs,
                cardInterval: rooms.cardInterval)
        }
        return platforms
    }

    /// The core's side of the room settings: where rooms are made (the platforms that can make
    /// them), their names, privacy, announcements and archiving.
    static func roomRules(_ settings: DaemonSettings, platforms: [String: RoomPlatform]) -> Rooms {
        let rooms = settings.rooms
        return Rooms(
            platforms: Set(platforms.keys), namePattern: rooms.name, isPrivate: rooms.isPrivate,
            announce: rooms.announce.filter { platforms[$0.key] != nil },
            archiveAfter: rooms.archiveAfter.map { Span(seconds: Int($0)) })
    }
}
