import Foundation

/// One notification from Prometheus Alertmanager's webhook receiver (`version` 4): a group of
/// alerts that fired or resolved together.
///
/// `version`, `status` and `alerts` are required, and each alert's `status` and `fingerprint`;
/// the rest default to empty when missing. Keys Deputy does not read (`routeLabels`,
/// `notification_reason`, whatever comes next) are ignored.
public struct AlertmanagerPayload: Decodable, Hashable, Sendable {
    /// The payload format's version: always `"4"`.
    public var version: String
    /// Identifies the route and group the alerts belong to; stable across notifications, so it
    /// threads them.
    public var groupKey: String
    /// How many alerts Alertmanager left out because of `max_alerts` (0 when none).
    public var truncatedAlerts: Int
    /// `firing` while any alert in the group fires.
    public var status: Status
    /// The receiver's name, regex-escaped by Alertmanager (`team\.pager`).
    public var receiver: String
    /// The labels the alerts were grouped by.
    public var groupLabels: [String: String]
    /// The labels every alert shares.
    public var commonLabels: [String: String]
    /// The annotations every alert shares.
    public var commonAnnotations: [String: String]
    /// Alertmanager's own address, for links back to it.
    public var externalURL: String
    /// The alerts, firing and resolved.
    public var alerts: [Alert]

    /// Reads the payload, throwing `AlertmanagerPayloadError` for a wrong version or status
    /// and `DecodingError` for a missing key or a wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        guard version == "4" else { throw AlertmanagerPayloadError.unsupportedVersion(version) }
        groupKey = try container.decodeIfPresent(String.self, forKey: .groupKey) ?? ""
        truncatedAlerts = try container.decodeIfPresent(Int.self, forKey: .truncatedAlerts) ?? 0
        status = try Status.decode(.status, in: container)
        receiver = try container.decodeIfPresent(String.self, forKey: .receiver) ?? ""
        groupLabels = try container.decodeIfPresent([String: String].self, forKey: .groupLabels) ?? [:]
        commonLabels = try container.decodeIfPresent([String: String].self, forKey: .commonLabels) ?? [:]
        commonAnnotations = try container.decodeIfPresent([String: String].self, forKey: .commonAnnotations) ?? [:]
        externalURL = try container.decodeIfPresent(String.self, forKey: .externalURL) ?? ""
        alerts = try container.decode([Alert].self, forKey: .alerts)
    }

    private enum CodingKeys: String, CodingKey {
        case version, groupKey, truncatedAlerts, status, receiver, groupLabels, commonLabels, commonAnnotations
        case externalURL, alerts
    }

    /// A coding path as a message names it: `alerts[2].labels.severity`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }
}
