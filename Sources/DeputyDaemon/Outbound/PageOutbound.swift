import CurlHTTP
import DeputyChat
import DeputyCore
import DeputyPaging
import Foundation

/// What both pagers need to send a page: the secret of each service (looked up at send time, so a
/// rotated key is used at once), the pager's word for each severity, and the incident's link.
public struct PageAddressBook: Sendable {
    /// The routing key (PagerDuty) or URL (webhook) of each service, by its name.
    public var secrets: [String: String]
    /// The pager's severity for each SEV level (`critical`, `error`, `warning`, `info`).
    public var severities: [Int: String]
    /// A link to an incident's timeline page, when Deputy has a public address.
    public var link: @Sendable (IncidentID) -> String?

    public init(
        secrets: [String: String], severities: [Int: String],
        link: @escaping @Sendable (IncidentID) -> String? = { _ in nil }
    ) {
        self.secrets = secrets
        self.severities = severities
        self.link = link
    }

    func severity(_ severity: Severity) -> String {
        severities[severity.level] ?? "critical"
    }

    /// Why a page cannot go, or nil.
    func missing(_ message: OutgoingMessage, _ what: String) -> String? {
        guard let page = message.page else { return "not a page" }
        guard secrets[page.service] == nil else { return nil }
        return "\(page.service) has no \(what) set (paging.services in Config/deputy.yaml)"
    }
}

/// PagerDuty's Events API v2: a trigger or a resolve per page, the routing key in the body.
public struct PagerDutyOutbound: OutboundPlatform {
    public let url: String
    public let book: PageAddressBook
    /// About 120 events a minute per integration key: two a second per service stays under it.
    public let pacing: TimeInterval = 0.5
    public let timeout: Duration

    public init(url: String = PagerDutyEvents.defaultURL, book: PageAddressBook, timeout: Duration = .seconds(10)) {
        self.url = url
        self.book = book
        self.timeout = timeout
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        guard let page = message.page, let key = book.secrets[page.service] else { return [] }
        let body = PagerDutyEvents.body(
            for: page, routingKey: key, severity: book.severity(page.severity), link: book.link(page.incident),
            source: "deputy", at: message.createdAt)
        return [
            HTTPClientRequest(
                method: "POST", url: url, headers: [("Content-Type", "application/json")], body: Array(body),
                connectTimeout: .seconds(5), totalTimeout: timeout)
        ]
    }

    public func undeliverable(_ message: OutgoingMessage) -> String? {
        book.missing(message, "PagerDuty routing key")
    }

    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        PagerDutyEvents.verdict(status: response.status, headers: response.headers, body: Data(response.body))
    }
}

/// The generic page webhook: the page as signed JSON, POSTed to the service's URL.
public struct PageWebhookOutbound: OutboundPlatform {
    public let book: PageAddressBook
    /// Signs every body (`X-Deputy-Signature: sha256=…`).
    public let secret: String?
    public let pacing: TimeInterval = 0
    public let timeout: Duration

    public init(book: PageAddressBook, secret: String?, timeout: Duration = .seconds(10)) {
        self.book = book
        self.secret = secret
        self.timeout = timeout
    }

    public func requests(for message: OutgoingMessage) -> [HTTPClientRequest] {
        guard let page = message.page, let url = book.secrets[page.service], let secret else { return [] }
        let body = PageWebhook.body(for: page, severity: page.severity.description, link: book.link(page.incident))
        return [
            HTTPClientRequest(
                method: "POST", url: url,
                headers: [
                    ("Content-Type", "application/json"),
                    (PageWebhook.signatureHeader, PageWebhook.signature(of: body, secret: secret)),
                ],
                body: Array(body), connectTimeout: .seconds(5), totalTimeout: timeout)
        ]
    }

    public func undeliverable(_ message: OutgoingMessage) -> String? {
        guard secret != nil else { return "PAGE_WEBHOOK_SECRET is not set, so the page cannot be signed" }
        return book.missing(message, "webhook URL")
    }

    public func verdict(for response: HTTPClientResponse) -> DeliveryVerdict {
        PageWebhook.verdict(status: response.status, headers: response.headers, body: Data(response.body))
    }
}
