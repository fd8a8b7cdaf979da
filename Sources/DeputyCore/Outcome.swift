/// What handling a command or a moment produced: the events to append to the log and the
/// replies to send, in order. Both are committed together or not at all.
public struct Outcome: Sendable {
    public var records: [IncidentRecord]
    public var replies: [Reply]
    /// Answers to be made from the log, which the desk reads and puts among `replies`.
    public var logReads: [LogRead]
    /// Pages to send (or resolve), committed with the records and replies.
    public var pages: [PageRequest]
    /// Work on the incident's room (open it, invite, refresh its card), committed with the rest.
    public var rooms: [RoomJob]
    /// Words for channels other than the one the replies go to: the announcements channel, the
    /// channel an incident was declared in once it runs in its room.
    public var elsewhere: [Elsewhere]

    public init(
        records: [IncidentRecord] = [], replies: [Reply] = [], logReads: [LogRead] = [], pages: [PageRequest] = [],
        rooms: [RoomJob] = [], elsewhere: [Elsewhere] = []
    ) {
        self.records = records
        self.replies = replies
        self.logReads = logReads
        self.pages = pages
        self.rooms = rooms
        self.elsewhere = elsewhere
    }

    /// A reply for a channel of its own.
    public struct Elsewhere: Hashable, Sendable {
        public var channel: ChannelKey
        public var reply: Reply

        public init(_ channel: ChannelKey, _ reply: Reply) {
            self.channel = channel
            self.reply = reply
        }
    }

    /// Nothing happened.
    public var isEmpty: Bool {
        records.isEmpty && replies.isEmpty && logReads.isEmpty && pages.isEmpty && rooms.isEmpty && elsewhere.isEmpty
    }

    /// The replies with every log read answered by `answer` (its fallback where it gives none),
    /// each in its place.
    public func replies(answeringLogReads answer: (LogRead) -> Reply?) -> [Reply] {
        var replies = self.replies
        for read in logReads.sorted(by: { $0.position > $1.position }) {
            let reply = answer(read) ?? read.fallback
            replies.insert(reply, at: min(max(read.position, 0), replies.count))
        }
        return replies
    }

    /// Every reply marked as a drill's, in its first line, so no one mistakes practice for an
    /// incident.
    mutating func markDrill() {
        for index in replies.indices where replies[index].lines.first?.key != .drillMark {
            replies[index].lines.insert(Line(.drillMark), at: 0)
        }
    }

    /// A private answer that changes nothing.
    public static func answer(_ user: User, _ key: PhraseKey, _ values: [String: PhraseValue] = [:]) -> Outcome {
        Outcome(replies: [.privately(user, key, values)])
    }
}
