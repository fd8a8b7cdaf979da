import DeputyCore

/// What every decoded command promises the core: a channel and a person it can key on.
enum Whole {
    /// What is missing from a command's channel and person; `what` names the decoder.
    static func violations(_ channel: ChannelKey, _ user: User, _ what: String) -> [String] {
        var found: [String] = []
        if channel.platform.isEmpty || channel.channel.isEmpty { found.append("\(what) without a channel") }
        if user.id.isEmpty || user.name.isEmpty {
            found.append("\(what) with a blank person \(user.id.debugDescription)/\(user.name.debugDescription)")
        }
        return found
    }
}
