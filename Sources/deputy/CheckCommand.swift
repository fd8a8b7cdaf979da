import ArgumentParser
import DeputyConfig
import Foundation

/// `deputy check`: validates the daemon settings (file and environment), the rules and the
/// phrasebook together, listing every problem; on success, says which platforms are on.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the settings, the rules and the phrasebook; exit non-zero listing every problem.")

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @OptionGroup var files: FileOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var problems: [ConfigError.Problem] = []
        var settings: DaemonSettings?
        do {
            settings = try DaemonSettingsLoader.load(file: config, environment: environment)
        } catch {
            problems += error.problems
        }
        // With broken settings, still check the files they would most likely have named.
        let rulesPath = settings.map { files.applied(to: $0).rulesPath } ?? files.rulesPath
        let phrasebookPath = settings.map { files.applied(to: $0).phrasebookPath } ?? files.phrasebookPath
        do {
            _ = try FileOptions.load(rules: rulesPath, phrasebook: phrasebookPath)
        } catch {
            problems += error.problems
        }
        guard let settings, problems.isEmpty else {
            FileHandle.standardError.write(Data((ConfigError(problems: problems).description + "\n").utf8))
            throw ExitCode(1)
        }
        let settingsFile = DaemonSettingsLoader.file(named: config, environment: environment)
        print("ok: \(settingsFile ?? "the default settings"), \(rulesPath) and \(phrasebookPath) are valid")
        for line in Self.summary(of: settings) { print(line) }
    }

    /// Where Deputy would listen, and each platform: on, or off and how to switch it on.
    static func summary(of settings: DaemonSettings) -> [String] {
        let reach = settings.isLoopback ? "this machine only" : "the network"
        var lines = ["listen: \(settings.host):\(settings.port) (reachable from \(reach))"]
        if let publicURL = settings.publicURL { lines.append("public url: \(publicURL)") }
        if settings.slackEnabled {
            let stakeholders = settings.slack.stakeholderChannel.map { ", updates also posted to \($0)" } ?? ""
            lines.append("slack: on (signing secret and bot token set\(stakeholders))")
        } else {
            lines.append("slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)")
        }
        lines.append(mattermostLine(settings))
        lines.append(discordLine(settings))
        lines.append(teamsLine(settings))
        let outbound = settings.generic.outboundURL.map { ", nudges also posted to \($0)" } ?? ""
        if settings.generic.token != nil {
            lines.append("generic webhook: on (/hooks/generic, bearer token set\(outbound))")
        } else if settings.genericEnabled {
            lines.append("generic webhook: on (/hooks/generic, no token: this machine only\(outbound))")
        } else {
            lines.append("generic webhook: off (set GENERIC_TOKEN to serve it beyond this machine)")
        }
        return lines
    }

    /// Whether Discord is on, and where it posts; or why it is off.
    static func discordLine(_ settings: DaemonSettings) -> String {
        guard settings.discordEnabled else {
            return "discord: off (set DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN)"
        }
        let register =
            settings.discord.applicationID == nil
            ? "; set DISCORD_APPLICATION_ID to register /ic with deputy discord-register"
            : ", application \(settings.discord.applicationID ?? "")"
        return "discord: on (/discord/interactions, public key and bot token set, posts through "
            + "\(settings.discord.apiURL)\(register))"
    }

    /// Whether Mattermost is on, and how it posts; or why it is off.
    static func mattermostLine(_ settings: DaemonSettings) -> String {
        let mattermost = settings.mattermost
        if settings.mattermostEnabled {
            let posts =
                settings.mattermostUsesAPI
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
    static func teamsLine(_ settings: DaemonSettings) -> String {
        let teams = settings.teams
        guard settings.teamsEnabled else {
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
