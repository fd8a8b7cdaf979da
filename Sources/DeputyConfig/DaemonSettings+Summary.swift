extension DaemonSettings {
    /// What `deputy check` prints: where Deputy would listen, and each platform: on, or off and
    /// how to switch it on. Secrets are never shown, only whether they are set.
    public var summary: [String] {
        let reach = isLoopback ? "this machine only" : "the network"
        var lines = ["listen: \(host):\(port) (reachable from \(reach))"]
        if let publicURL = publicURL { lines.append("public url: \(publicURL)") }
        if slackEnabled {
            let stakeholders = slack.stakeholderChannel.map { ", updates also posted to \($0)" } ?? ""
            lines.append("slack: on (signing secret and bot token set\(stakeholders))")
        } else {
            lines.append("slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)")
        }
        lines.append(mattermostLine)
        lines.append(discordLine)
        lines.append(teamsLine)
        let outbound = generic.outboundURL.map { ", nudges also posted to \($0)" } ?? ""
        if generic.token != nil {
            lines.append("generic webhook: on (/hooks/generic, bearer token set\(outbound))")
        } else if genericEnabled {
            lines.append("generic webhook: on (/hooks/generic, no token: this machine only\(outbound))")
        } else {
            lines.append("generic webhook: off (set GENERIC_TOKEN to serve it beyond this machine)")
        }
        return lines
    }

    /// Whether Discord is on, and where it posts; or why it is off.
    public var discordLine: String {
        guard discordEnabled else {
            return "discord: off (set DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN)"
        }
        let register =
            discord.applicationID == nil
            ? "; set DISCORD_APPLICATION_ID to register /ic with deputy discord-register"
            : ", application \(discord.applicationID ?? "")"
        return "discord: on (/discord/interactions, public key and bot token set, posts through "
            + "\(discord.apiURL)\(register))"
    }

    /// Whether Mattermost is on, and how it posts; or why it is off.
    public var mattermostLine: String {
        if mattermostEnabled {
            let posts =
                mattermostUsesAPI
                ? "posts through \(mattermost.url ?? "")/api/v4/posts with the bot token"
                : "posts through the incoming webhook"
            return "mattermost: on (/mattermost/commands, command token set, \(posts))"
        }
        guard mattermost.commandToken != nil else {
            return "mattermost: off (set MATTERMOST_COMMAND_TOKEN, and MATTERMOST_URL with MATTERMOST_BOT_TOKEN "
                + "or MATTERMOST_WEBHOOK_URL)"
        }
        if mattermost.botToken != nil {
            return "mattermost: off (MATTERMOST_BOT_TOKEN is set but MATTERMOST_URL is not)"
        }
        if mattermost.url != nil {
            return "mattermost: off (MATTERMOST_URL is set but MATTERMOST_BOT_TOKEN is not, nor MATTERMOST_WEBHOOK_URL)"
        }
        return "mattermost: off (the command token is set, but nothing to post with: set MATTERMOST_URL with "
            + "MATTERMOST_BOT_TOKEN, or MATTERMOST_WEBHOOK_URL)"
    }

    /// Whether Teams is on, and how it posts nudges; or why it is off.
    public var teamsLine: String {
        guard teamsEnabled else {
            return "teams: off (set TEAMS_SECURITY_TOKEN, the outgoing webhook's security token)"
        }
        var posts: [String] = []
        if teams.defaultWebhookURL != nil { posts.append("the default webhook (TEAMS_WEBHOOK_URL)") }
        let count = teams.channelWebhookURLs.count
        if count > 0 { posts.append("\(count) per-channel webhook\(count == 1 ? "" : "s") (teams.webhooks)") }
        let how =
            posts.isEmpty
            ? "no webhook: answers only, nudges become dead letters; set TEAMS_WEBHOOK_URL"
            : "posts through " + posts.joined(separator: " and ")
        return "teams: on (/teams/messages, security token set, \(how))"
    }
}
