import DeputyCore
import Foundation

/// One channel's conversation with Deputy, in plain text: the heart of the console and of the
/// scenario transcripts. Typed lines go in; rendered messages come out, nudges included.
public struct Conversation: Sendable {
    public private(set) var desk: Desk
    public let phrasebook: Phrasebook
    public let style: RenderStyle
    public var channel: ChannelKey
    /// Who types a line with no `NAME:` in front.
    public var currentUser: User
    /// The latest moment anything happened: a timer that a command makes due retroactively
    /// (a former incident commander's rotation, say) fires now, never back in the past.
    public private(set) var lastMoment: Date?

    /// A message as Deputy says it.
    public struct Message: Hashable, Sendable {
        /// Nil for the channel; the recipient of a private message otherwise.
        public var recipient: User?
        public var text: String
    }

    public init(rules: Rules, phrasebook: Phrasebook, channel: ChannelKey, user: User, timeZone: TimeZone? = nil) {
        self.desk = Desk(rules: rules)
        self.phrasebook = phrasebook
        self.channel = channel
        self.currentUser = user
        self.style = RenderStyle(mention: { "@\($0.name)" }, timeZone: timeZone ?? rules.calendar.timeZone)
    }

    /// A console user: the name is both id and display name.
    public static func user(named name: String) -> User { User(id: name, name: name) }

    /// Handles one typed line: `NAME: /ic <command>`, or `/ic <command>` as the current user.
    /// Returns nil when the line is not addressed to Deputy.
    public mutating func type(_ line: String, at now: Date) -> [Message]? {
        guard let (user, text) = Self.split(line, defaultUser: currentUser) else { return nil }
        lastMoment = max(lastMoment ?? now, now)
        let result = desk.handle(text: text, by: user, in: channel, at: now)
        return render(result.outcome)
    }

    /// Fires every timer due at or before `now`, each at its own moment, as a scheduler that
    /// never sleeps late would; then returns what was said.
    public mutating func advance(to now: Date) -> [Message] {
        var said: [Message] = []
        for _ in 0..<100_000 {
            guard let deadline = desk.nextDeadline(), deadline <= now else { break }
            let next = max(deadline, lastMoment ?? deadline)
            lastMoment = next
            for (_, outcome) in desk.due(at: next) { said += render(outcome) }
        }
        lastMoment = max(lastMoment ?? now, now)
        return said
    }

    /// Fires everything due at `now` at once, as a daemon does after a restart: timers that fell
    /// due while it was down fire late and say how long it has really been.
    public mutating func resume(at now: Date) -> [Message] {
        lastMoment = max(lastMoment ?? now, now)
        return desk.due(at: now).flatMap { render($0.1) }
    }

    /// Renders an outcome's replies in order.
    public func render(_ outcome: Outcome) -> [Message] {
        outcome.replies.map { reply in
            let recipient: User? = if case .privately(let user) = reply.audience { user } else { nil }
            return Message(recipient: recipient, text: phrasebook.render(reply, style: style))
        }
    }

    /// Splits `alice: /ic lead` into the user and `lead`. Any slash word works.
    static func split(_ line: String, defaultUser: User) -> (User, String)? {
        var rest = Substring(line.trimmingCharacters(in: .whitespaces))
        var user = defaultUser
        if !rest.hasPrefix("/"), let colon = rest.firstIndex(of: ":") {
            let name = rest[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { return nil }
            user = Self.user(named: name)
            rest = rest[rest.index(after: colon)...].drop { $0 == " " }
        }
        guard rest.hasPrefix("/") else { return nil }
        let text = rest.drop { !$0.isWhitespace }
        return (user, text.trimmingCharacters(in: .whitespaces))
    }
}
