import DeputyDaemon
import Testing

@Suite("Event loops: one for each CPU the process may run on")
struct EventLoopCountTests {
    @Test(
        "CPU lists count every CPU in them",
        arguments: [("0", 1), ("0-1", 2), ("3", 1), ("0,2-3", 3), ("0-3,6,8-9", 7), (" 1-2 ", 2)])
    func counts(list: String, cpus: Int) {
        #expect(EventLoopCount.cpus(inList: list) == cpus)
    }

    @Test("A malformed CPU list counts as unknown", arguments: ["", "a", "1-", "-1", "3-1", "0,,1", "0-1-2", "0;1"])
    func malformed(list: String) {
        #expect(EventLoopCount.cpus(inList: list) == nil)
    }

    @Test("The allowed CPUs come from /proc/self/status")
    func status() {
        let status = "Name:\tdeputy\nCpus_allowed:\t1\nCpus_allowed_list:\t0\nMems_allowed_list:\t0\n"
        #expect(EventLoopCount.allowedCPUs(status: status) == 1)
        #expect(EventLoopCount.allowedCPUs(status: "Name:\tdeputy\n") == nil)
    }

    @Test("Pinned to fewer CPUs than the machine has, serve runs that many loops")
    func pinned() {
        let status = "Cpus_allowed_list:\t2\n"
        #expect(EventLoopCount.suggestion(environment: [:], status: status, coreCount: 4) == 1)
        #expect(EventLoopCount.suggestion(environment: [:], status: "Cpus_allowed_list:\t0-2\n", coreCount: 4) == 3)
    }

    @Test("Otherwise SwiftNIO's own count stands")
    func unchanged() {
        let status = "Cpus_allowed_list:\t0-3\n"
        #expect(EventLoopCount.suggestion(environment: [:], status: status, coreCount: 4) == nil)
        // A cgroup quota SwiftNIO read is lower than the affinity: its count is already smaller.
        #expect(EventLoopCount.suggestion(environment: [:], status: status, coreCount: 2) == nil)
        #expect(EventLoopCount.suggestion(environment: [:], status: nil, coreCount: 4) == nil)
        #expect(EventLoopCount.suggestion(environment: [:], status: "Cpus_allowed_list:\tx\n", coreCount: 4) == nil)
        // The operator chose with SwiftNIO's own variable.
        let chosen = ["NIO_SINGLETON_GROUP_LOOP_COUNT": "3"]
        #expect(EventLoopCount.suggestion(environment: chosen, status: "Cpus_allowed_list:\t0\n", coreCount: 4) == nil)
    }
}
