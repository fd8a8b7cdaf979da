extension DaemonSettingsLoader {
    /// Every key of `Config/deputy.yaml` and where it goes in `DaemonSettings`. The secrets'
    /// keys are known only to be refused with a pointer to the environment.
    static var schema: [Setting<DaemonSettings>] {
        [
            .host("host", \.host),
            .port("port", \.port),
            .optionalURL("public_url", \.publicURL),
            .path("database", \.database),
            .path("rules", \.rulesPath),
            .path("phrasebook", \.phrasebookPath),
            drillsFolder,
            .byteCount("max_body_bytes", \.maxBodyBytes),
            .section(
                "slack",
                [
                    .refused("signing_secret", because: secretInFile(signingSecretVariable)),
                    .refused("bot_token", because: secretInFile(botTokenVariable)),
                    .url("api_url", \.slack.apiURL),
                    .optionalChannelID("stakeholder_channel", \.slack.stakeholderChannel),
                ]),
            .section(
                "generic",
                [
                    .refused("token", because: secretInFile(genericTokenVariable)),
                    .optionalURL("outbound_url", \.generic.outboundURL),
                ]),
            .section(
                "mattermost",
                [
                    .refused("command_token", because: secretInFile(mattermostCommandTokenVariable)),
                    .refused("bot_token", because: secretInFile(mattermostBotTokenVariable)),
                    .refused("webhook_url", because: secretInFile(mattermostWebhookVariable)),
                    .optionalURL("url", \.mattermost.url),
                ]),
            .section(
                "discord",
                [
                    .refused("bot_token", because: secretInFile(discordBotTokenVariable)),
                    .optionalPublicKey("public_key", \.discord.publicKey),
                    .optionalSnowflake("application_id", \.discord.applicationID),
                    .url("api_url", \.discord.apiURL),
                ]),
            .section(
                "teams",
                [
                    .refused("security_token", because: secretInFile(teamsSecurityTokenVariable)),
                    .refused("webhook_url", because: secretInFile(teamsWebhookVariable)),
                    .variableNames("webhooks", \.teams.webhookVariables),
                ]),
            .section(
                "delivery",
                [
                    .duration("expiry", \.delivery.expiry),
                    .duration("delivered_retention", \.delivery.deliveredRetention),
                    .duration("seen_retention", \.delivery.seenRetention),
                    .duration("slack_pacing", \.delivery.slackPacing),
                ]),
            .section(
                "allow",
                [
                    .texts("teams", \.allow.teams),
                    .texts("channels", \.allow.channels),
                ]),
            .section(
                "limits",
                [
                    .count(
                        "user_commands_per_minute", \.limits.userCommandsPerMinute, in: 0...100_000, unit: "commands"),
                    .count(
                        "channel_commands_per_minute", \.limits.channelCommandsPerMinute, in: 0...1_000_000,
                        unit: "commands"),
                ]),
            .section(
                "links",
                [
                    .duration("valid_for", \.links.validFor),
                    .refused("secret", because: secretInFile(linkSecretVariable)),
                ]),
            .section(
                "paging",
                [
                    .pagerDutySeverities("severity", \.paging.severities),
                    .url("pagerduty_events_url", \.paging.eventsURL),
                    .url("pagerduty_api_url", \.paging.apiURL),
                    .pagingServices("services", \.paging.declared),
                    .refused("webhook_secret", because: secretInFile(pageWebhookSecretVariable)),
                    .refused("pagerduty_webhook_secret", because: secretInFile(pagerDutyWebhookSecretVariable)),
                    .refused("pagerduty_api_token", because: secretInFile(pagerDutyAPITokenVariable)),
                ]),
            .section(
                "alerts",
                [
                    .refused("token", because: secretInFile(alertsTokenVariable)),
                    .byteCount("max_body_bytes", \.alerts.maxBodyBytes),
                    alertRoutesPath,
                ]),
            .section(
                "rooms",
                [
                    .flag("enabled", \.rooms.enabled),
                    .roomName("name", \.rooms.name),
                    .flag("private", \.rooms.isPrivate),
                    .announceChannels("announce", \.rooms.announce),
                    .interval("card_interval", \.rooms.cardInterval, in: DaemonSettings.Rooms.cardIntervalRange),
                    .intervalOrOff(
                        "archive_after", \.rooms.archiveAfter, atLeast: DaemonSettings.Rooms.shortestArchiveAfter),
                ]),
        ]
    }

    /// The secrets' keys under `paging` and `alerts`, known only to be refused.
    private static let pagingSecretKeys: Set = [
        "paging.webhook_secret", "paging.pagerduty_webhook_secret", "paging.pagerduty_api_token", "alerts.token",
    ]

    /// `alerts.routes`: the routes file. One other than the default must exist.
    private static var alertRoutesPath: Setting<DaemonSettings> {
        Setting(key: "routes", subkeys: []) { reader, entry, settings in
            guard let text = reader.scalar(entry, expected: "a file path") else { return }
            do throws(InvalidValue) {
                settings.alerts.routesPath = try ValueParser.path(text)
                let isDefault = settings.alerts.routesPath == DaemonSettings.Alerts.defaultRoutesPath
                settings.alerts.routesNamedBy = isDefault ? nil : "\(entry.path) in \(reader.file)"
            } catch {
                reader.report(entry.path, error.message, at: entry.value)
            }
        }
    }

    /// Every dotted key the settings file accepts (`port`, `slack.api_url`), in schema order: the
    /// list the documentation covers. The secrets' keys, known only to be refused, are left out.
    public static var keys: [String] {
        schema.flatMap(\.paths).filter {
            !$0.hasSuffix("signing_secret") && !$0.hasSuffix("bot_token") && $0 != "generic.token"
                && $0 != "mattermost.command_token" && $0 != "mattermost.webhook_url"
                && $0 != "teams.security_token" && $0 != "teams.webhook_url" && $0 != "links.secret"
                && !pagingSecretKeys.contains($0)
        }
    }

    /// Why a secret's key is refused, and where the secret goes instead.
    private static func secretInFile(_ variable: String) -> String {
        "secrets are never read from the settings file, which may be committed or shared; delete this key "
            + "and set \(variable) (or \(variable)_FILE, naming a file that holds it) in the environment"
    }

    /// The environment variables that override a key of the file, in the order they are applied.
    static var overrides: [EnvironmentOverride] {
        [
            EnvironmentOverride("DEPUTY_HOST") { text, settings throws(InvalidValue) in
                settings.host = try ValueParser.host(text)
            },
            EnvironmentOverride("DEPUTY_PORT") { text, settings throws(InvalidValue) in
                settings.port = try ValueParser.port(text)
            },
            EnvironmentOverride("DEPUTY_PUBLIC_URL") { text, settings throws(InvalidValue) in
                settings.publicURL = try ValueParser.url(text)
            },
            EnvironmentOverride("DEPUTY_DATABASE") { text, settings throws(InvalidValue) in
                settings.database = try ValueParser.path(text)
            },
            EnvironmentOverride("DEPUTY_RULES") { text, settings throws(InvalidValue) in
                settings.rulesPath = try ValueParser.path(text)
            },
            EnvironmentOverride("DEPUTY_PHRASEBOOK") { text, settings throws(InvalidValue) in
                settings.phrasebookPath = try ValueParser.path(text)
            },
            drillsOverride,
            EnvironmentOverride("SLACK_API_URL") { text, settings throws(InvalidValue) in
                settings.slack.apiURL = try ValueParser.url(text)
            },
            EnvironmentOverride("GENERIC_OUTBOUND_URL") { text, settings throws(InvalidValue) in
                settings.generic.outboundURL = try ValueParser.url(text)
            },
            EnvironmentOverride("MATTERMOST_URL") { text, settings throws(InvalidValue) in
                settings.mattermost.url = try ValueParser.url(text)
            },
            EnvironmentOverride("DISCORD_PUBLIC_KEY") { text, settings throws(InvalidValue) in
                settings.discord.publicKey = try ValueParser.publicKey(text)
            },
            EnvironmentOverride("DISCORD_APPLICATION_ID") { text, settings throws(InvalidValue) in
                settings.discord.applicationID = try ValueParser.snowflake(text)
            },
            EnvironmentOverride("DISCORD_API_URL") { text, settings throws(InvalidValue) in
                settings.discord.apiURL = try ValueParser.url(text)
            },
            EnvironmentOverride("SLACK_STAKEHOLDER_CHANNEL") { text, settings throws(InvalidValue) in
                settings.slack.stakeholderChannel = try ValueParser.channelID(text)
            },
            EnvironmentOverride("PAGERDUTY_EVENTS_URL") { text, settings throws(InvalidValue) in
                settings.paging.eventsURL = try ValueParser.url(text)
            },
            EnvironmentOverride("PAGERDUTY_API_URL") { text, settings throws(InvalidValue) in
                settings.paging.apiURL = try ValueParser.url(text)
            },
            EnvironmentOverride(AlertRoutesLoader.fileVariable) { text, settings throws(InvalidValue) in
                settings.alerts.routesPath = try ValueParser.path(text)
                settings.alerts.routesNamedBy = AlertRoutesLoader.fileVariable
            },
            EnvironmentOverride(roomsVariable) { text, settings throws(InvalidValue) in
                settings.rooms.enabled = try ValueParser.flag(text)
            },
        ]
    }
}
