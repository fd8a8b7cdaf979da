import Yams

extension DaemonSettingsLoader {
    /// The variable that switches rooms on or off (`on`, `off`), overriding `rooms.enabled`.
    static let roomsVariable = "DEPUTY_ROOMS"

    /// What to warn of when rooms are on but a platform that is on will not open them: none that
    /// can, a Mattermost posting through an incoming webhook, Teams. Each points at `rooms.enabled`
    /// in `file` (`root` is its top node), or at `DEPUTY_ROOMS` when that switched rooms on.
    static func roomsWarnings(
        for settings: DaemonSettings, root: Node?, file: String?, overridden: Bool
    ) -> [ConfigError.Problem] {
        guard settings.rooms.enabled else { return [] }
        let mark = root?.mapping?["rooms"]?.mapping?["enabled"]?.mark
        let origin: SettingOrigin =
            if overridden { .environment(roomsVariable) } else if let file, let mark {
                .file(file, key: "rooms.enabled", at: mark)
            } else { .builtIn(key: "rooms.enabled") }
        var warnings: [ConfigError.Problem] = []
        if settings.roomPlatforms.isEmpty {
            warnings.append(
                origin.problem(
                    "rooms are on, but no platform that has them is, so incidents stay in the channel they were "
                        + "declared in; rooms need Slack (\(signingSecretVariable) and \(botTokenVariable)), "
                        + "Mattermost through its API (\(mattermostCommandTokenVariable), MATTERMOST_URL and "
                        + "\(mattermostBotTokenVariable)) or Discord (\(discordPublicKeyVariable) and "
                        + "\(discordBotTokenVariable))"))
        }
        if settings.mattermostEnabled, !settings.mattermostUsesAPI {
            warnings.append(
                origin.problem(
                    "Mattermost posts through an incoming webhook, which cannot open rooms, so its incidents stay "
                        + "in the channel they were declared in; set MATTERMOST_URL and "
                        + "\(mattermostBotTokenVariable) (a bot account) for rooms there"))
        }
        if settings.teamsEnabled {
            warnings.append(
                origin.problem(
                    "Teams keeps running each incident in the channel it was declared in: an outgoing webhook "
                        + "has no API to open a room"))
        }
        return warnings
    }
}
