import DeputyCore
import Synchronization

/// Outbox messages already decoded, by row id. Delivery reads every channel's head each time a
/// send lands, and decoding the same heads' JSON again and again took most of a core once
/// thousands of channels had messages waiting (the catch-up after an outage). A row's message
/// never changes once queued, and AUTOINCREMENT never hands an id out twice, so an entry can
/// never be stale; it is only ever too many, and then the cache starts again.
final class DecodedMessages: Sendable {
    private let messages = Mutex<[Int64: OutgoingMessage]>([:])
    /// The most entries kept: a few passes' worth of heads (500 channels a pass).
    static let capacity = 4_096

    func message(_ id: Int64) -> OutgoingMessage? {
        messages.withLock { $0[id] }
    }

    func keep(_ message: OutgoingMessage, for id: Int64) {
        messages.withLock { messages in
            if messages.count >= Self.capacity { messages.removeAll(keepingCapacity: true) }
            messages[id] = message
        }
    }
}
