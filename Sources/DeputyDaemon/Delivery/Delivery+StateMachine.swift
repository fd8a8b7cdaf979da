import DeputyCore
import DeputyStore
import Foundation

extension Delivery {
    /// What the running loop decides, apart from the store, the platforms and the clock: which
    /// channel heads wait and which are being sent, each channel's pacing, and when to read the
    /// heads again. It returns what to do; `Delivery` does it and tells it what came of it.
    ///
    /// Each channel has one message in flight at most, so its messages go in order; a channel
    /// whose send lands reads its own next head; every channel's head is read again when
    /// something new is queued, when a read failed or a head expired, and once a `sweepInterval`
    /// while anything waits.
    struct StateMachine {
        /// The least time between two messages to a channel, by platform.
        let pacing: [String: TimeInterval]
        /// The most channels one read of the heads takes, and the most sent to at once.
        let channelsPerPass: Int
        /// How often every head is read again while anything waits.
        let sweepInterval: TimeInterval

        /// Heads not being sent, by channel, each waiting for its moment (`readyAt`).
        private(set) var waiting: [ChannelKey: OutboxRow] = [:]
        /// Channels whose head is being sent, with the head's id.
        private(set) var inFlight: [ChannelKey: Int64] = [:]
        /// When each channel was last sent a request; dropped once its pacing has passed.
        private(set) var lastSent: [ChannelKey: Date] = [:]
        /// Whether every head is to be read before the next sends.
        private var rescan = true
        /// When every head is read again, whatever happens meanwhile.
        private var nextScan = Date.distantPast
        /// When the next sweep (expiry, the depth gauge) is due.
        private var nextSweep = Date.distantPast
        /// While a read of the heads is under way, the channels whose send landed meanwhile: what
        /// the read finds for them may be from before the send was recorded. Nil when no read is.
        private var landedWhileReading: Set<ChannelKey>?

        init(pacing: [String: TimeInterval], channelsPerPass: Int, sweepInterval: TimeInterval) {
            self.pacing = pacing
            self.channelsPerPass = channelsPerPass
            self.sweepInterval = sweepInterval
        }

        /// What the running loop does next.
        enum Action: Equatable {
            /// Read the channels' heads, every page or the first only, then call `read(_:allPages:at:)`.
            case readHeads(allPages: Bool)
            /// Send each of these heads, now in flight, and call `landed(_:next:)` for each.
            case send([OutboxRow])
            /// Nothing to do until then, or until something new is queued or a send lands.
            case wait(until: Date)
        }

        /// The loop's next step at `now`.
        mutating func next(at now: Date) -> Action {
            if now >= nextScan || rescan {
                let allPages = now >= nextScan
                landedWhileReading = []
                return .readHeads(allPages: allPages)
            }
            let room = max(0, channelsPerPass - inFlight.count)
            var ready = waiting.values.filter { readyAt($0) <= now }.sorted { $0.id < $1.id }
            if ready.count > room { ready = Array(ready.prefix(room)) }
            var sending: [OutboxRow] = []
            for row in ready {
                waiting[row.channel] = nil
                guard row.expiresAt >= now else {
                    rescan = true  // the sweep buries it; the next read finds what comes after it
                    continue
                }
                inFlight[row.channel] = row.id
                sending.append(row)
            }
            if !sending.isEmpty { return .send(sending) }
            if rescan { return next(at: now) }
            // Full: the next landing wakes the loop. Else the soonest head, or the next read.
            let soonest = inFlight.count < channelsPerPass ? waiting.values.map(readyAt).min() : nil
            return .wait(until: min(soonest ?? .distantFuture, nextScan))
        }

        /// Something new is in the outbox: read the heads before the next sends.
        mutating func queued() {
            rescan = true
        }

        /// What a read of the heads found (nil: the store could not be read). A read of the first
        /// page only keeps the heads read before of channels past it.
        mutating func read(_ heads: [OutboxRow]?, allPages: Bool, at now: Date) {
            rescan = false
            let landed = landedWhileReading ?? []
            landedWhileReading = nil
            guard let heads else {
                nextScan = now.addingTimeInterval(sweepInterval)
                return
            }
            let complete = allPages || heads.count < channelsPerPass
            var next = complete ? waiting.filter { landed.contains($0.key) } : waiting
            for row in heads where inFlight[row.channel] == nil && !landed.contains(row.channel) {
                next[row.channel] = row
            }
            waiting = next
            let idle = complete && waiting.isEmpty && inFlight.isEmpty
            nextScan = now.addingTimeInterval(idle ? 30 : sweepInterval)
        }

        /// What a channel's store held after its send landed and was recorded.
        enum NextHead: Equatable {
            case head(OutboxRow)
            case empty
            case unreadable
        }

        /// `channel`'s send is over and recorded; `next` is what its queue holds now.
        mutating func landed(_ channel: ChannelKey, next: NextHead) {
            inFlight[channel] = nil
            landedWhileReading?.insert(channel)
            switch next {
            case .head(let head):
                waiting[channel] = head
            case .empty:
                waiting[channel] = nil
                // The last channel is empty: one more read, so the depth gauge says so at once.
                if waiting.isEmpty && inFlight.isEmpty { rescan = true }
            case .unreadable:
                rescan = true
            }
        }

        /// A request went to `channel` at `now`: its next one waits for the channel's pacing.
        mutating func sent(to channel: ChannelKey, at now: Date) {
            lastSent[channel] = now
        }

        /// Whether the sweep (expiring messages, counting the outbox) is due at `now`; when it is,
        /// the next one is a `sweepInterval` away. Drops pacing that has run out.
        mutating func sweep(at now: Date) -> Bool {
            lastSent = lastSent.filter { now < $0.value.addingTimeInterval(pacing(of: $0.key)) }
            guard now >= nextSweep else { return false }
            nextSweep = now.addingTimeInterval(sweepInterval)
            return true
        }

        /// Of `heads`, those that may go at `now` and are not being sent: a pass sends them.
        func ready(_ heads: [OutboxRow], at now: Date) -> [OutboxRow] {
            heads.filter { inFlight[$0.channel] == nil && readyAt($0) <= now }
        }

        /// When `row` may go: not before its own time, nor before its channel's pacing allows.
        func readyAt(_ row: OutboxRow) -> Date {
            guard let last = lastSent[row.channel] else { return row.notBefore }
            return max(row.notBefore, last.addingTimeInterval(pacing(of: row.channel)))
        }

        /// The ids of every head the machine holds: waiting or in flight.
        var heldIDs: Set<Int64> {
            Set(waiting.values.map(\.id)).union(inFlight.values)
        }

        private func pacing(of channel: ChannelKey) -> TimeInterval {
            pacing[channel.platform] ?? 0
        }
    }
}
