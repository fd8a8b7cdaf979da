import DeputyCore
import Foundation

/// Token buckets per person and per channel: a command is let through when both have a token,
/// and takes one from each. A bucket holds a sixth of a minute's worth (at least 10), so short
/// bursts pass; it refills at the per-minute rate.
struct CommandLimiter {
    /// One bucket's state.
    struct Bucket {
        var tokens: Double
        var at: Date
    }

    /// A per-minute rate and the burst it allows; nil rate for no limit.
    struct Rate {
        let perSecond: Double
        let capacity: Double

        init?(perMinute: Int) {
            guard perMinute > 0 else { return nil }
            perSecond = Double(perMinute) / 60
            capacity = max(10, Double(perMinute) / 6)
        }
    }

    let userRate: Rate?
    let channelRate: Rate?
    private var users: [String: Bucket] = [:]
    private var channels: [ChannelKey: Bucket] = [:]
    /// Past this many buckets, full ones (idle long enough to refill) are dropped, at most once
    /// a minute: with that many people active, a sweep on every command would cost each one a
    /// walk over all of them.
    private let pruneAbove = 10_000
    private var nextPrune = Date.distantPast

    init(userPerMinute: Int, channelPerMinute: Int) {
        userRate = Rate(perMinute: userPerMinute)
        channelRate = Rate(perMinute: channelPerMinute)
    }

    /// Lets a command by `user` in `channel` through at `now` (nil), or says how long to wait.
    mutating func admit(_ user: User, in channel: ChannelKey, at now: Date) -> TimeInterval? {
        let person = "\(channel.platform)/\(channel.team)/\(user.id)"
        let personBucket = userRate.map { Self.refilled(users[person], $0, now) }
        let channelBucket = channelRate.map { Self.refilled(channels[channel], $0, now) }
        var wait: TimeInterval = 0
        if let bucket = personBucket, let rate = userRate, bucket.tokens < 1 {
            wait = max(wait, (1 - bucket.tokens) / rate.perSecond)
        }
        if let bucket = channelBucket, let rate = channelRate, bucket.tokens < 1 {
            wait = max(wait, (1 - bucket.tokens) / rate.perSecond)
        }
        if var bucket = personBucket {
            if wait == 0 { bucket.tokens -= 1 }
            users[person] = bucket
        }
        if var bucket = channelBucket {
            if wait == 0 { bucket.tokens -= 1 }
            channels[channel] = bucket
        }
        prune(at: now)
        return wait > 0 ? wait : nil
    }

    /// `bucket` (a full one when new) refilled up to `now`.
    private static func refilled(_ bucket: Bucket?, _ rate: Rate, _ now: Date) -> Bucket {
        guard let bucket else { return Bucket(tokens: rate.capacity, at: now) }
        let elapsed = max(0, now.timeIntervalSince(bucket.at))
        return Bucket(tokens: min(rate.capacity, bucket.tokens + elapsed * rate.perSecond), at: now)
    }

    /// Drops the buckets that have refilled completely, once there are many.
    private mutating func prune(at now: Date) {
        guard users.count > pruneAbove || channels.count > pruneAbove, now >= nextPrune else { return }
        nextPrune = now.addingTimeInterval(60)
        if users.count > pruneAbove, let rate = userRate {
            users = users.filter { Self.refilled($0.value, rate, now).tokens < rate.capacity }
        }
        if channels.count > pruneAbove, let rate = channelRate {
            channels = channels.filter { Self.refilled($0.value, rate, now).tokens < rate.capacity }
        }
    }
}
