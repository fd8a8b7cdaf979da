import DeputyCore
import Foundation
import Yams

extension DaemonSettingsLoader {
    /// The variable holding the key webhook pages are signed with.
    static let pageWebhookSecretVariable = "PAGE_WEBHOOK_SECRET"
    /// The variable holding PagerDuty's V3 webhook subscription secret.
    static let pagerDutyWebhookSecretVariable = "PAGERDUTY_WEBHOOK_SECRET"
    /// The variable holding a PagerDuty REST API token.
    static let pagerDutyAPITokenVariable = "PAGERDUTY_API_TOKEN"
    /// The variable holding the bearer token Alertmanager sends.
    static let alertsTokenVariable = "ALERTS_TOKEN"

    /// Reads each declared paging service's secret from its variable (or `_FILE`), and the paging
    /// secrets. A service whose variable is unset is left out with a warning at the line of `file`
    /// that names it (`root` is the file's top node); a webhook service that can be paged needs
    /// `PAGE_WEBHOOK_SECRET`.
    static func readPagingSecrets(
        from environment: [String: String], root: Node?, file: String?, into settings: inout DaemonSettings,
        problems: inout [ConfigError.Problem]
    ) {
        var paging = settings.paging
        let marks = root?.mapping?["paging"]?.mapping?["services"]?.mapping
        for (name, declared) in paging.declared.sorted(by: { $0.key < $1.key }) {
            guard let given = secret(declared.variable, in: environment, problems: &problems) else {
                let line = marks?.first { $0.key.string?.lowercased() == name }?.value
                let mark = line?.mapping?.first?.value.mark ?? line?.mark
                let key = "paging.services.\(name)"
                let origin: SettingOrigin =
                    if let file, let mark { .file(file, key: key, at: mark) } else { .environment(declared.variable) }
                let warning = origin.problem(
                    "\(declared.variable) is not set (nor \(declared.variable)_FILE), so /ic page \(name) is "
                        + "unavailable; set it to \(purpose(of: declared.pager)), or delete this service")
                paging.unusable.append(
                    .init(name: name, pager: declared.pager, variable: declared.variable, warning: warning))
                continue
            }
            guard let secret = given.secret else { continue }
            if declared.pager == .webhook, !isWebhookAddress(secret.value) {
                // Never repeat the address: it may carry a token.
                problems.append(
                    .init(
                        file: given.variable, line: nil, column: nil,
                        message: "not an https URL (http only to localhost) to POST service \(name)'s pages to"))
                continue
            }
            paging.services[name] = .init(pager: declared.pager, variable: declared.variable, secret: secret)
        }
        let signing = secret(pageWebhookSecretVariable, in: environment, problems: &problems)
        paging.webhookSecret = signing?.secret
        let webhooks = paging.services.filter { $0.value.pager == .webhook }.keys.sorted()
        if signing == nil, !webhooks.isEmpty {
            problems.append(
                .init(
                    file: pageWebhookSecretVariable, line: nil, column: nil,
                    message: "not set, but webhook pages go to \(webhooks.joined(separator: ", ")), and each is "
                        + "signed with it (X-Deputy-Signature); set \(pageWebhookSecretVariable) (or "
                        + "\(pageWebhookSecretVariable)_FILE), e.g. to the output of `openssl rand -hex 32`"))
        }
        paging.pagerDutyWebhookSecret =
            secret(pagerDutyWebhookSecretVariable, in: environment, problems: &problems)?.secret
        paging.pagerDutyAPIToken = secret(pagerDutyAPITokenVariable, in: environment, problems: &problems)?.secret
        settings.paging = paging
    }

    /// What a service's variable holds, in words for a warning.
    private static func purpose(of pager: Pager) -> String {
        switch pager {
        case .pagerduty: "the service's PagerDuty Events API v2 integration key"
        case .webhook: "the address the page's signed JSON is POSTed to"
        }
    }

    /// Whether `text` is an address webhook pages can go to: `https`, or `http` to this machine.
    /// A query is allowed (it may carry the tool's token).
    private static func isWebhookAddress(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
            let scheme = components.scheme?.lowercased()
        else { return false }
        return scheme == "https" || (scheme == "http" && DaemonSettings.isLoopback(host: host))
    }
}
