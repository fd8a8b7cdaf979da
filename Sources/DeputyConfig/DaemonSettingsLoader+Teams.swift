import Foundation
import Yams

extension DaemonSettingsLoader {
    /// The variable holding the Teams outgoing webhook's security token.
    static let teamsSecurityTokenVariable = "TEAMS_SECURITY_TOKEN"
    /// The variable holding the Workflows webhook used for every Teams channel without its own.
    static let teamsWebhookVariable = "TEAMS_WEBHOOK_URL"

    /// Reads Teams' secrets into `settings`: the security token, the default webhook, and the
    /// webhook of each channel the file maps to a variable. `root` is the settings file's top
    /// node, so a missing variable is reported at the line that names it. Returns whether a
    /// security token was given, even one that could not be read (its problem is reported).
    static func readTeamsSecrets(
        from environment: [String: String], root: Node?, file: String?, into settings: inout DaemonSettings,
        problems: inout [ConfigError.Problem]
    ) -> Bool {
        let token = secret(teamsSecurityTokenVariable, in: environment, problems: &problems)
        if let given = token?.secret {
            let decoded = Data(base64Encoded: given.value.trimmingCharacters(in: .whitespacesAndNewlines))
            if decoded?.isEmpty ?? true {
                // Never repeat the token.
                problems.append(
                    .init(
                        file: token?.variable ?? teamsSecurityTokenVariable, line: nil, column: nil,
                        message: "not a security token: Teams shows it as base64 (like vqF0…aA=) when the "
                            + "outgoing webhook is created; copy it exactly"))
            } else {
                settings.teams.securityToken = given
            }
        }
        settings.teams.defaultWebhookURL = webhook(teamsWebhookVariable, in: environment, problems: &problems)
        let marks = root?.mapping?["teams"]?.mapping?["webhooks"]?.mapping
        for (channel, name) in settings.teams.webhookVariables.sorted(by: { $0.key < $1.key }) {
            if let url = webhook(name, in: environment, problems: &problems) {
                settings.teams.channelWebhookURLs[channel] = url
            } else if variable(name, in: environment) == nil, variable(name + "_FILE", in: environment) == nil {
                let mark = marks?.first { $0.key.string == channel }?.value.mark
                let origin: SettingOrigin =
                    if let file, let mark { .file(file, key: "teams.webhooks.\(channel)", at: mark) } else {
                        .environment(name)
                    }
                problems.append(
                    origin.problem(
                        "\(name) is not set (nor \(name)_FILE): set it to this channel's Workflows "
                            + "webhook address, or delete this line"))
            }
        }
        return token != nil
    }

    /// The Workflows webhook address in `name` (or `name_FILE`); nil when unset or unusable
    /// (reported, never repeating the address: its `sig=` is a secret).
    private static func webhook(
        _ name: String, in environment: [String: String], problems: inout [ConfigError.Problem]
    ) -> Secret? {
        guard let given = secret(name, in: environment, problems: &problems), let address = given.secret else {
            return nil
        }
        guard let components = URLComponents(string: address.value), let host = components.host, !host.isEmpty,
            components.scheme?.lowercased() == "https"
                || (components.scheme?.lowercased() == "http" && DaemonSettings.isLoopback(host: host)),
            components.user == nil, components.password == nil
        else {
            problems.append(
                .init(
                    file: given.variable, line: nil, column: nil,
                    message: "not an https URL like the one Teams' Workflows shows for \"When a Teams webhook "
                        + "request is received\""))
            return nil
        }
        return address
    }
}

extension Setting {
    /// A mapping from a Teams channel id to the name of an environment variable (`TEAMS_…`):
    /// where a secret lives, never the secret. A value that is not a variable name is reported
    /// without being repeated, in case it is the secret itself.
    static func variableNames(_ key: String, _ path: WritableKeyPath<Root, [String: String]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let section = reader.section(entry, known: nil) else { return }
            var names: [String: String] = [:]
            for item in section.entries {
                guard case .scalar(let scalar) = item.value, !item.value.isEmptyValue,
                    isVariableName(scalar.string)
                else {
                    reader.report(
                        item.path,
                        "expected the NAME of an environment variable (like TEAMS_WEBHOOK_URL_OPS) that holds "
                            + "the webhook address; the address itself is a secret and never goes in this file",
                        at: item.value)
                    continue
                }
                names[item.key] = scalar.string
            }
            root[keyPath: path] = names
        }
    }

    /// Whether `text` is an environment variable's name: capital letters, digits and `_`, not
    /// starting with a digit.
    private static func isVariableName(_ text: String) -> Bool {
        guard let first = text.first, !first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }
}
