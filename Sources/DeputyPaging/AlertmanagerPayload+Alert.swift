import DeputyChat
import Foundation

extension AlertmanagerPayload {
    /// One alert in a notification.
    public struct Alert: Decodable, Hashable, Sendable {
        /// Whether it fires or has resolved.
        public var status: Status
        /// Its labels: `alertname`, `severity`, `instance`, …
        public var labels: [String: String]
        /// Its annotations: `summary`, `description`, `runbook_url`, …
        public var annotations: [String: String]
        /// When it began firing.
        public var startsAt: Date?
        /// When it resolved; nil while it fires (Alertmanager writes Go's zero time then).
        public var endsAt: Date?
        /// The Prometheus expression page that produced it.
        public var generatorURL: String
        /// Alertmanager's id for the alert: the same for every notification about it.
        public var fingerprint: String

        /// An alert from its parts.
        public init(
            status: Status, labels: [String: String], annotations: [String: String], startsAt: Date?, endsAt: Date?,
            generatorURL: String, fingerprint: String
        ) {
            self.status = status
            self.labels = labels
            self.annotations = annotations
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.generatorURL = generatorURL
            self.fingerprint = fingerprint
        }

        /// Reads an alert; a bad status, time or fingerprint throws `AlertmanagerPayloadError`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            status = try Status.decode(.status, in: container)
            labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
            annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations) ?? [:]
            startsAt = try Self.time(.startsAt, in: container)
            endsAt = try Self.time(.endsAt, in: container)
            generatorURL = try container.decodeIfPresent(String.self, forKey: .generatorURL) ?? ""
            let fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint) ?? ""
            guard !fingerprint.isEmpty else {
                throw AlertmanagerPayloadError.missing(
                    key: "fingerprint", path: AlertmanagerPayload.path(container.codingPath))
            }
            self.fingerprint = fingerprint
        }

        /// What the alert is about, for people: its `summary` annotation, else its
        /// `description`, else its `alertname` label, else "an alert".
        public var summary: String {
            for text in [annotations["summary"], annotations["description"], labels["alertname"]] {
                if let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return text }
            }
            return "an alert"
        }

        /// Whether the alert is firing.
        public var isFiring: Bool { status == .firing }

        private enum CodingKeys: String, CodingKey {
            case status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint
        }

        /// The RFC 3339 time at `key`, nil when it is missing, null or Go's zero time.
        private static func time(_ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) throws -> Date? {
            guard let text = try container.decodeIfPresent(String.self, forKey: key), text != goZeroTime else {
                return nil
            }
            guard let date = InternetTime.date(from: text) else {
                throw AlertmanagerPayloadError.invalidValue(
                    path: AlertmanagerPayload.path(container.codingPath + [key]), value: text,
                    expected: "an RFC 3339 time")
            }
            return date
        }

        /// How Go writes its zero time, which Alertmanager sends for "no time" (a firing alert's
        /// `endsAt`).
        private static let goZeroTime = "0001-01-01T00:00:00Z"
    }
}
