extension DaemonSettings {
    /// How many commands one person, and one channel, may give: so one runaway script cannot
    /// flood a channel. Generous by default; a command over the limit gets a private answer and
    /// records nothing.
    public struct Limits: Sendable, Hashable {
        /// Commands one person may give per minute, across every channel; 0 for no limit.
        public var userCommandsPerMinute = 300
        /// Commands one channel may take per minute, from everyone; 0 for no limit.
        public var channelCommandsPerMinute = 6_000

        /// The defaults: 300 a minute per person, 6,000 a minute per channel.
        public init() {}
    }
}
