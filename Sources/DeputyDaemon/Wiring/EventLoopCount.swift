import Foundation

/// How many SwiftNIO event loops `serve` runs: one for each CPU the process may run on.
///
/// SwiftNIO sizes its shared event loop group from the machine's core count and cgroup quota,
/// but not from the process's CPU affinity (`taskset`, a pinned systemd unit). Two event loops
/// on one allowed CPU only take turns on it: measured under the Slack benchmark, one loop
/// instead of two answered 7–10% more signed commands a second (bench/README.md).
public enum EventLoopCount {
    /// The loop count to suggest to SwiftNIO, or nil to leave its own choice: when
    /// `NIO_SINGLETON_GROUP_LOOP_COUNT` is set (the operator chose), when the allowed CPUs can't
    /// be read, or when they are no fewer than `coreCount` (SwiftNIO's own count).
    ///
    /// - Parameters:
    ///   - environment: the process's environment.
    ///   - status: the text of `/proc/self/status`, or nil where there is none.
    ///   - coreCount: SwiftNIO's `System.coreCount`.
    public static func suggestion(environment: [String: String], status: String?, coreCount: Int) -> Int? {
        guard environment["NIO_SINGLETON_GROUP_LOOP_COUNT"] == nil,
            let allowed = status.flatMap(allowedCPUs(status:)),
            allowed < coreCount
        else { return nil }
        return allowed
    }

    /// The number of CPUs in `Cpus_allowed_list` of a `/proc/self/status` text.
    public static func allowedCPUs(status: String) -> Int? {
        let prefix = "Cpus_allowed_list:"
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return cpus(inList: line.dropFirst(prefix.count))
    }

    /// The number of CPUs in a Linux CPU list such as `0-3,6,8-9`; nil when it is malformed
    /// or empty.
    public static func cpus(inList list: some StringProtocol) -> Int? {
        var count = 0
        for range in list.trimmingCharacters(in: .whitespaces).split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = range.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count),
                let first = Int(bounds[0]), let last = Int(bounds[bounds.count - 1]),
                first >= 0, first <= last
            else { return nil }
            count += last - first + 1
        }
        return count > 0 ? count : nil
    }
}
