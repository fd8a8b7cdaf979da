import Foundation

/// One POST from the Events API: the event, and Slack's retry headers.
public struct SlackEventDelivery: Hashable, Sendable {
    /// The header counting Slack's retries of one event, 1 to 3.
    public static let retryNumberHeader = "X-Slack-Retry-Num"
    /// The header saying why Slack retried (`http_timeout`, …).
    public static let retryReasonHeader = "X-Slack-Retry-Reason"

    /// What happened.
    public var event: SlackEvent
    /// `X-Slack-Retry-Num`: nil on the first delivery, 1 to 3 on Slack's retries.
    public var retryNumber: Int?
    /// `X-Slack-Retry-Reason`, when it is a retry.
    public var retryReason: String?

    /// A delivery from its parts.
    public init(event: SlackEvent, retryNumber: Int? = nil, retryReason: String? = nil) {
        self.event = event
        self.retryNumber = retryNumber
        self.retryReason = retryReason
    }

    /// Reads a delivery from its JSON body and its headers (names in any case).
    public init(body: Data, headers: [String: String]) throws(SlackError) {
        self.init(
            event: try SlackEvent(body: body),
            retryNumber: HeaderLookup.value(Self.retryNumberHeader, in: headers).flatMap { Int($0) },
            retryReason: HeaderLookup.value(Self.retryReasonHeader, in: headers))
    }

    /// Whether Slack has sent this event before.
    public var isRetry: Bool { retryNumber != nil }

    /// The key under which this event is remembered: its `event_id`, shared by all of Slack's
    /// retries of it. Nil for a URL check or an envelope without an event id.
    public var dedupeKey: String? {
        guard case .callback(_, let eventID, let teamID) = event else { return nil }
        return SlackDedupeKey.event(eventID: eventID, teamID: teamID)
    }
}
