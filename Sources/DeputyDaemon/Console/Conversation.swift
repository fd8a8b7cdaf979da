import DeputyCore
import DeputyServer
import DeputyStore
import Foundation
import Logging

/// One channel's conversation with Deputy, in plain text: the heart of the console and of the
/// scenario transcripts. Typed lines go in; rendered messages come out, nudges included.
///
/// It runs the daemon's own desk (`DeskService`) over a store in memory, and reads what the desk
/// queued from that store's outbox as delivery would: a transcript proves what `deputy serve`
/// does, and the console says what a platform would be told.
public actor Conversation {
    public let phrasebook: Phrasebook
    public let style: RenderStyle
    public let channel: ChannelKey
    /// Who types a line with no `NAME:` in front.
    public private(set) var currentUser: User
    private let rules: Rules
    private let store: SQLiteStore
    /// The desk's clock: set to the moment of each line and each timer before the desk acts.
    private let time: ManualTimeSource
    private var desk: DeskService
    /// The latest moment anything happened: a timer that a command makes due retroactively
    /// (a former incident commander's rotation, say) fires now, never back in the past.
    private var lastMoment: Date?
    /// The last outbox message read.
    private var lastMessage: Int64 = 0
    /// Whether an operation is under way, and those waiting for their turn: each runs whole, so
    /// a line typed while a timer fires never reads the timer's messages as its own.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A message as Deputy says it, or a page as it leaves for a pager.
    public struct Message: Hashable, Sendable {
        /// Nil for the channel; the recipient of a private message otherwise.
        public var recipient: User?
        public var text: String
        /// The service paged, when this is a page: its `text` says what the pager is asked.
        public var service: String? = nil
    }

    public init(
        rules: Rules, phrasebook: Phrasebook, channel: ChannelKey, user: User, timeZone: TimeZone? = nil
    ) async throws {
        self.rules = rules
        self.phrasebook = phrasebook
        self.channel = channel
        self.currentUser = user
        self.style = RenderStyle(mention: { "@\($0.name)" }, timeZone: timeZone ?? rules.calendar.timeZone)
        self.store = SQLiteStore(try DeputyStore.inMemory())
        self.time = ManualTimeSource(start: .distantPast)
        self.desk = try await Self.openDesk(store, rules, time)
    }

    /// A console user: known by name, in any capitals.
    public static func user(named name: String) -> User { User.named(name) }

    /// Makes `user` the one who types lines with no `NAME:` in front.
    public func speak(as user: User) {
        currentUser = user
    }

    /// Handles one typed line: `NAME: /ic <command>`, or `/ic <command>` as the current user.
    /// Returns nil when the line is not addressed to Deputy.
    public func type(_ line: String, at now: Date) async -> [Message]? {
        guard let (user, text) = Self.split(line, defaultUser: currentUser) else { return nil }
        await beginTurn()
        defer { endTurn() }
        lastMoment = max(lastMoment ?? now, now)
        time.set(now)
        let answered: [Reply]
        switch await desk.submitAnsweringAll(InboundCommand(channel: channel, user: user, text: text)) {
        case .answered(let replies): answered = replies
        case .duplicate, .forbidden: answered = []
        case .unavailable: answered = [.privately(user, .cannotRecord)]
        }
        return render(answered) + (await delivered())
    }

    /// Fires every timer due at or before `now`, each at its own moment, as a scheduler that
    /// never sleeps late would; then returns what was said.
    public func advance(to now: Date) async -> [Message] {
        await beginTurn()
        defer { endTurn() }
        var said: [Message] = []
        for _ in 0..<100_000 {
            guard let deadline = await desk.deadlines().map(\.1).min(), deadline <= now else { break }
            let next = max(deadline, lastMoment ?? deadline)
            lastMoment = next
            said += await fireDue(at: next)
        }
        lastMoment = max(lastMoment ?? now, now)
        return said
    }

    /// Deputy stops and starts again at `now` on the same store, as a daemon does after an
    /// outage: everything that fell due meanwhile fires at once, late, and says how long it has
    /// really been.
    public func resume(at now: Date) async throws -> [Message] {
        await beginTurn()
        defer { endTurn() }
        lastMoment = max(lastMoment ?? now, now)
        time.set(now)
        desk = try await Self.openDesk(store, rules, time)
        return await fireDue(at: now)
    }

    /// The earliest deadline of any incident.
    public func nextDeadline() async -> Date? {
        await desk.deadlines().map(\.1).min()
    }

    /// Fires, incident by incident, every timer due at `now`.
    private func fireDue(at now: Date) async -> [Message] {
        time.set(now)
        let due = await desk.deadlines().filter { $0.1 <= now }.map(\.0).sorted()
        for id in due { _ = await desk.fireDue(id, at: now) }
        return await delivered()
    }

    /// What the desk queued since the last look, in order, marked delivered as a platform took
    /// it: the channel's messages and the pages, which a pager would take.
    private func delivered() async -> [Message] {
        let (after, rules) = (lastMessage, self.rules)
        let queues =
            [self.channel]
            + rules.paging.services.map { PageRequest.outboxChannel(service: $0.key, pager: $0.value) }
        let rows: [OutboxRow]
        do {
            rows = try await store.run { store in
                var rows: [OutboxRow] = []
                for queue in queues {
                    rows += try store.messages(
                        platform: queue.platform, channel: queue.channel, after: after, limit: Int.max)
                }
                for row in rows { _ = try store.markDelivered(row.id, at: row.message.createdAt) }
                return rows.sorted { $0.id < $1.id }
            }
        } catch {
            return [Message(recipient: nil, text: "(the conversation's store failed: \(error))")]
        }
        lastMessage = rows.last?.id ?? lastMessage
        return rows.flatMap { row in
            row.message.page.map { [Self.describe($0)] } ?? render([row.message.reply])
        }
    }

    /// A page as the console shows it: `trigger (PagerDuty): INC-1 SEV-1 checkout is slow: the
    /// primary is down`.
    static func describe(_ page: PageRequest) -> Message {
        var text =
            "\(page.action.rawValue) (\(page.pager.displayName)): \(page.incident) \(page.severity) \(page.title)"
        if let message = page.message { text += ": \(message)" }
        return Message(recipient: nil, text: text, service: page.service)
    }

    /// Renders replies in order.
    public func render(_ replies: [Reply]) -> [Message] {
        replies.map { reply in
            let recipient: User? = if case .privately(let user) = reply.audience { user } else { nil }
            return Message(recipient: recipient, text: phrasebook.render(reply, style: style))
        }
    }

    /// Waits until no other operation is under way.
    private func beginTurn() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the turn to the next operation waiting, if any.
    private func endTurn() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    /// The daemon's desk over the store, as `deputy serve` opens it (no platform, no limits).
    private static func openDesk(
        _ store: SQLiteStore, _ rules: Rules, _ time: any TimeSource
    ) async throws
        -> DeskService
    {
        try await DeskService(
            store: store, rules: rules, time: time,
            policy: .init(expiry: .hours(24 * 365)),
            logger: Logger(label: "deputy.conversation", factory: { _ in SwiftLogNoOpLogHandler() }))
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
