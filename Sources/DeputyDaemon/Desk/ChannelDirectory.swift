import DeputyCore
import Synchronization

/// The names of the channels commands came from, for a platform whose webhook addresses a
/// channel by its name rather than its id (a Mattermost incoming webhook). The desk learns them
/// from commands and keeps them in the store, so a nudge after a restart still finds its channel.
public final class ChannelDirectory: Sendable {
    private struct Entry {
        var name: String
        /// Whether the store holds this name: one it refused is stored again with the next command.
        var stored: Bool
    }

    private let names = Mutex<[ChannelKey: Entry]>([:])

    public init() {}

    /// The name `channel` was last seen with, if any.
    public func name(of channel: ChannelKey) -> String? {
        names.withLock { $0[channel]?.name }
    }

    /// Takes `name` as `channel`'s name. True when the store does not hold it yet.
    func learn(_ name: String, for channel: ChannelKey) -> Bool {
        names.withLock { names in
            if let known = names[channel], known.name == name, known.stored { return false }
            names[channel] = Entry(name: name, stored: false)
            return true
        }
    }

    /// Notes that the store now holds `name` for `channel`.
    func stored(_ name: String, for channel: ChannelKey) {
        names.withLock { names in
            if names[channel]?.name == name { names[channel]?.stored = true }
        }
    }

    /// Takes every name the store holds.
    func load(_ stored: [ChannelKey: String]) {
        names.withLock { names in
            for (channel, name) in stored { names[channel] = Entry(name: name, stored: true) }
        }
    }
}
