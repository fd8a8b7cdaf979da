import DeputyCore

/// A command as it arrived from a platform, already verified and decoded.
public struct InboundCommand: Sendable {
    /// Where it was typed.
    public var channel: ChannelKey
    /// Who typed it.
    public var user: User
    /// The text after the slash word, mentions in the core's canonical form.
    public var text: String
    /// The platform's address for answering this command privately later, if any.
    public var responseURL: String?
    /// A key that is the same for every delivery of the same request, to apply it once.
    public var dedupeKey: String?
    /// The channel's name, for a platform that can tell it (Mattermost) and whose webhook needs it.
    public var channelName: String?

    public init(
        channel: ChannelKey, user: User, text: String, responseURL: String? = nil, dedupeKey: String? = nil,
        channelName: String? = nil
    ) {
        self.channel = channel
        self.user = user
        self.text = text
        self.responseURL = responseURL
        self.dedupeKey = dedupeKey
        self.channelName = channelName
    }
}

/// The desk the routes hand commands to; the daemon implements it.
public protocol CommandDesk: Sendable {
    /// Records `command` durably, then returns the reply for the HTTP answer. `fitsInAnswer`
    /// says whether a reply can go in the platform's synchronous answer; when it cannot, it
    /// leaves through the outbox with the rest.
    func submit(_ command: InboundCommand, fitsInAnswer: @escaping @Sendable (Reply) -> Bool) async -> Submission
    /// Records `command` durably, then returns every one of its replies for the HTTP answer;
    /// none leaves through the outbox (the generic webhook answers with all of them).
    func submitAnsweringAll(_ command: InboundCommand) async -> FullSubmission
}

/// Whether the daemon can do its job: the store writable, the scheduler running.
public protocol HealthProbe: Sendable {
    /// Whether the daemon can do its work now, and a line for each part it checked (`store:
    /// postgres ok`, or what is wrong), for `/healthz`'s body.
    func check() async -> (healthy: Bool, lines: [String])
}

extension HealthProbe {
    /// Whether the daemon can do its work now.
    public func isHealthy() async -> Bool { await check().healthy }
}

/// What became of a submitted command.
public enum Submission: Sendable, Equatable {
    /// Recorded durably; the reply to put in the HTTP answer, if any (the rest are in the outbox).
    case answered(Reply?)
    /// The same request was applied before: nothing was done again.
    case duplicate
    /// It could not be recorded; nothing changed.
    case unavailable
    /// It came from a workspace or channel Deputy is not allowed in; nothing changed.
    case forbidden
}

/// What became of a submitted command whose every reply goes in the HTTP answer.
public enum FullSubmission: Sendable, Equatable {
    /// Recorded durably; every reply of the command, in order.
    case answered([Reply])
    /// The same request was applied before: nothing was done again.
    case duplicate
    /// It could not be recorded; nothing changed.
    case unavailable
    /// It came from a workspace or channel Deputy is not allowed in; nothing changed.
    case forbidden
}
