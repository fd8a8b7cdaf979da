import DeputyCore
import Foundation

/// `deputy console`: typed lines from standard input, Deputy's words on standard output, and
/// the rules engine's nudges as they fall due on the session's clock.
public actor ConsoleSession {
    private let conversation: Conversation
    private let time: any TimeSource
    private let start: Date
    private let output: @Sendable (String) -> Void
    private let changed = ChangeSignal()
    private var finished = false

    public init(conversation: Conversation, time: any TimeSource, output: @escaping @Sendable (String) -> Void) {
        self.conversation = conversation
        self.time = time
        self.start = time.now
        self.output = output
    }

    /// Runs until `lines` ends: each line is handled as it arrives, and timers fire in between.
    public func run<Lines: AsyncSequence & Sendable>(lines: Lines) async throws where Lines.Element == String {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.runTimers() }
            for try await line in lines { await self.handle(line) }
            self.finished = true
            group.cancelAll()
        }
    }

    /// Handles one typed line: a command, or `:as NAME` to switch the current user.
    public func handle(_ line: String) async {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        let now = time.now
        await fireDue(at: now)
        if trimmed.hasPrefix(":as ") {
            let name = trimmed.dropFirst(4).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { await conversation.speak(as: Conversation.user(named: name)) }
            return
        }
        guard let messages = await conversation.type(trimmed, at: now) else {
            output("(not a command: start the line with /ic, or NAME: /ic)")
            return
        }
        show(messages, at: now)
        changed.signal()
    }

    private func runTimers() async throws {
        while !Task.isCancelled, !finished {
            await changed.wait(until: await conversation.nextDeadline(), on: time)
            guard !Task.isCancelled, !finished else { return }
            await fireDue(at: time.now)
        }
    }

    private func fireDue(at now: Date) async {
        show(await conversation.advance(to: now), at: now)
    }

    private func show(_ messages: [Conversation.Message], at now: Date) {
        for message in messages {
            let clock = Self.clock(now.timeIntervalSince(start))
            let who =
                message.service.map { "page → \($0)" } ?? message.recipient.map { "deputy → @\($0.name) (private)" }
                ?? "deputy"
            let body = message.text.replacingOccurrences(
                of: "\n", with: "\n" + String(repeating: " ", count: clock.count + 1))
            output("\(clock) \(who): \(body)")
        }
    }

    /// `[+1:05:00]` for an hour and five minutes into the session.
    static func clock(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        let (hours, rest) = total.quotientAndRemainder(dividingBy: 3600)
        let (minutes, secs) = rest.quotientAndRemainder(dividingBy: 60)
        let mmss = String(format: "%02d:%02d", minutes, secs)
        return hours > 0 ? "[+\(hours):\(mmss)]" : "[+\(mmss)]"
    }
}
