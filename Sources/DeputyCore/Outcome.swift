/// What handling a command or a moment produced: the events to append to the log and the
/// replies to send, in order. Both are committed together or not at all.
public struct Outcome: Sendable {
    public var records: [IncidentRecord]
    public var replies: [Reply]

    public init(records: [IncidentRecord] = [], replies: [Reply] = []) {
        self.records = records
        self.replies = replies
    }

    /// Nothing happened.
    public var isEmpty: Bool { records.isEmpty && replies.isEmpty }

    /// A private answer that changes nothing.
    public static func answer(_ user: User, _ key: PhraseKey, _ values: [String: PhraseValue] = [:]) -> Outcome {
        Outcome(replies: [.privately(user, key, values)])
    }
}
