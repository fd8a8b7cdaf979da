import Foundation
import Yams

extension DaemonSettingsLoader {
    /// The variable holding Slack's signing secret.
    static let signingSecretVariable = "SLACK_SIGNING_SECRET"
    /// The variable holding Slack's bot token.
    static let botTokenVariable = "SLACK_BOT_TOKEN"
    /// The variable holding the generic webhook's bearer token.
    static let genericTokenVariable = "GENERIC_TOKEN"
    /// The variable holding Mattermost's slash command token.
    static let mattermostCommandTokenVariable = "MATTERMOST_COMMAND_TOKEN"
    /// The variable holding Mattermost's bot access token.
    static let mattermostBotTokenVariable = "MATTERMOST_BOT_TOKEN"
    /// The variable holding Mattermost's incoming webhook address.
    static let mattermostWebhookVariable = "MATTERMOST_WEBHOOK_URL"

    /// The variable holding Discord's bot token.
    static let discordBotTokenVariable = "DISCORD_BOT_TOKEN"
    /// The variable holding Discord's application public key.
    static let discordPublicKeyVariable = "DISCORD_PUBLIC_KEY"

    /// The variable holding the PostgreSQL password.
    static let databasePasswordVariable = "DEPUTY_DATABASE_PASSWORD"

    /// A refusal when the settings file's `database` is a PostgreSQL address with a password in it:
    /// the file may be committed or shared.
    static func passwordInFile(_ settings: DaemonSettings, root: Node?, file: String) -> ConfigError.Problem? {
        guard settings.usesPostgres, URLComponents(string: settings.database)?.password != nil else { return nil }
        let mark = root?.mapping?["database"]?.mark
        return .init(
            file: file, line: mark.map { $0.line }, column: mark.map { $0.column },
            message: "database: the address holds a password, and secrets are never read from the settings file, "
                + "which may be committed or shared; write the address without it and set "
                + "\(databasePasswordVariable) (or \(databasePasswordVariable)_FILE) in the environment")
    }

    /// The variable holding the key the timeline page's links are signed with.
    static let linkSecretVariable = "DEPUTY_LINK_SECRET"
    /// The fewest characters a link secret may have: 32, like the random one the store makes.
    static let linkSecretMinimum = 32

    /// Reads the timeline links' secret into `settings`; a short one is refused (the problem never
    /// shows it).
    static func readLinkSecret(
        from environment: [String: String], into settings: inout DaemonSettings,
        problems: inout [ConfigError.Problem]
    ) {
        guard let given = secret(linkSecretVariable, in: environment, problems: &problems),
            let secret = given.secret
        else { return }
        guard secret.value.utf8.count >= linkSecretMinimum else {
            problems.append(
                .init(
                    file: given.variable, line: nil, column: nil,
                    message: "too short: a link secret needs at least \(linkSecretMinimum) characters (`openssl rand "
                        + "-hex 32` makes one), or unset it and Deputy keeps a random one in its database"))
            return
        }
        settings.links.secret = secret
    }

    /// Reads Discord's bot token into `settings`. Discord needs it with the public key, or neither:
    /// one without the other is reported at the missing one. Returns whether the public key is
    /// set, which verifies Discord's requests.
    static func readDiscordSecrets(
        from environment: [String: String], into settings: inout DaemonSettings,
        problems: inout [ConfigError.Problem]
    ) -> Bool {
        let token = secret(discordBotTokenVariable, in: environment, problems: &problems)
        settings.discord.botToken = token?.secret
        let keyGiven = settings.discord.publicKey != nil || variable(discordPublicKeyVariable, in: environment) != nil
        if let token, !keyGiven {
            problems.append(
                .init(
                    file: discordPublicKeyVariable, line: nil, column: nil,
                    message: "not set, but \(token.variable) is: Discord needs both (the public key verifies its "
                        + "requests, the bot token posts Deputy's messages); set \(discordPublicKeyVariable) (or "
                        + "discord.public_key) to the key the Developer Portal shows, or unset \(token.variable)"))
        }
        if token == nil, keyGiven {
            problems.append(
                .init(
                    file: discordBotTokenVariable, line: nil, column: nil,
                    message: "not set, but the Discord public key is: Discord needs both (the public key verifies "
                        + "its requests, the bot token posts Deputy's messages); set \(discordBotTokenVariable) (or "
                        + "\(discordBotTokenVariable)_FILE), or unset the public key to switch Discord off"))
        }
        return keyGiven
    }

    /// Reads Mattermost's secrets into `settings`. Returns whether a command token was given,
    /// even one that could not be read (its problem is reported already).
    static func readMattermostSecrets(
        from environment: [String: String], into settings: inout DaemonSettings,
        problems: inout [ConfigError.Problem]
    ) -> Bool {
        let command = secret(mattermostCommandTokenVariable, in: environment, problems: &problems)
        settings.mattermost.commandToken = command?.secret
        settings.mattermost.botToken = secret(mattermostBotTokenVariable, in: environment, problems: &problems)?.secret
        if let webhook = secret(mattermostWebhookVariable, in: environment, problems: &problems),
            let address = webhook.secret
        {
            do {
                settings.mattermost.webhookURL = Secret(try ValueParser.url(address.value))
            } catch {
                // Never repeat the address: its last part is the webhook's key.
                problems.append(
                    .init(
                        file: webhook.variable, line: nil, column: nil,
                        message: "not an http(s) URL like https://chat.example.com/hooks/xxx"))
            }
        }
        return command != nil
    }

    /// Reads Slack's two secrets into `settings`. Slack needs both or neither: one without the
    /// other is reported at the missing one. Returns whether a signing secret was given, even
    /// one that could not be read (its problem is reported already).
    static func readSlackSecrets(
        from environment: [String: String], into settings: inout DaemonSettings,
        problems: inout [ConfigError.Problem]
    ) -> Bool {
        let signing = secret(signingSecretVariable, in: environment, problems: &problems)
        let token = secret(botTokenVariable, in: environment, problems: &problems)
        settings.slack.signingSecret = signing?.secret
        settings.slack.botToken = token?.secret
        if let signing, token == nil {
            problems.append(missing(botTokenVariable, given: signing.variable))
        }
        if let token, signing == nil {
            problems.append(missing(signingSecretVariable, given: token.variable))
        }
        return signing != nil
    }

    /// The secret in `name`, or in the file named by `name_FILE`, and the variable it was given
    /// in; nil when neither is set. The secret is nil (and the problem reported) when both are
    /// set or the file can't be read. Problems name the variable and the path, never the secret.
    static func secret(
        _ name: String, in environment: [String: String], problems: inout [ConfigError.Problem]
    ) -> (secret: Secret?, variable: String)? {
        let fileVariable = name + "_FILE"
        let inline = variable(name, in: environment)
        let path = variable(fileVariable, in: environment)
        switch (inline, path) {
        case (nil, nil):
            return nil
        case (let value?, nil):
            return (Secret(value), name)
        case (nil, let path?):
            do {
                return (Secret(try secretFile(at: path)), fileVariable)
            } catch {
                problems.append(.init(file: fileVariable, line: nil, column: nil, message: error.message))
                return (nil, fileVariable)
            }
        case (.some, .some):
            problems.append(
                .init(
                    file: name, line: nil, column: nil,
                    message: "both \(name) and \(fileVariable) are set; keep only one"))
            return (nil, name)
        }
    }

    /// The non-empty value of the variable `name`; an empty variable counts as unset.
    static func variable(_ name: String, in environment: [String: String]) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// The secret held in the file at `path`: its text without the trailing newline.
    private static func secretFile(at path: String) throws(InvalidValue) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InvalidValue("can't read \(path): there is no such file")
        }
        guard !isDirectory.boolValue else { throw InvalidValue("can't read \(path): it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "it can't be read" : "permission denied"
            throw InvalidValue("can't read \(path): \(reason)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw InvalidValue("can't read \(path): it is not UTF-8 text")
        }
        if let last = text.last, last.isNewline { text.removeLast() }
        guard !text.isEmpty else { throw InvalidValue("\(path) is empty") }
        return text
    }

    /// The problem of a Slack secret `name` missing while `given` is set.
    private static func missing(_ name: String, given: String) -> ConfigError.Problem {
        .init(
            file: name, line: nil, column: nil,
            message: "not set, but \(given) is: Slack needs both (the signing secret verifies its requests, "
                + "the bot token posts Deputy's messages); set \(name) (or \(name)_FILE), or unset \(given) "
                + "to switch Slack off")
    }
}
