import DeputyCore
import Synchronization

/// Outbox messages already decoded, by row id: those this process queued, kept once their
/// commit is durable, and those read as channel heads. Decoding the outbox's JSON with
/// Foundation took most of a core once thousands of channels had messages waiting (the
/// catch-up after an outage); delivery reads each head at least once, and every head again once
/// a second while a backlog drains. A row's message never changes once queued, and AUTOINCREMENT
/// never hands a committed id out twice, so an entry can never be stale; a delivered or dead
/// message leaves, and past `capacity` a read head makes the cache start again.
final class DecodedMessages: Sendable {
    private let messages = Mutex<[Int64: OutgoingMessage]>([:])
    /// The most entries kept: a backlog of thousands of channels' worth.
    static let capacity = 16_384

    func message(_ id: Int64) -> OutgoingMessage? {
        messages.withLock { $0[id] }
    }

    /// Keeps a message read as a head; when full, starts again (what was kept may be long gone).
    func keep(_ message: OutgoingMessage, for id: Int64) {
        messages.withLock { messages in
            if messages.count >= Self.capacity { messages.removeAll(keepingCapacity: true) }
            messages[id] = message
        }
    }

    /// Keeps messages just committed, while there is room: the outbox drains oldest first, so
    /// those kept before are read before these.
    func keepIfRoom(_ committed: [(id: Int64, message: OutgoingMessage)]) {
        messages.withLock { messages in
            for entry in committed where messages.count < Self.capacity { messages[entry.id] = entry.message }
        }
    }

    /// Forgets messages that left the queue.
    func forget(_ ids: [Int64]) {
        messages.withLock { messages in
            for id in ids { messages[id] = nil }
        }
    }
}
