import DeputyCore
import Foundation
import Testing

@testable import DeputyFuzz

/// Every input kept for the fuzz targets, the seeds and the crashes a fuzzer found, replayed
/// through the very checks the fuzzer runs: a crash found once stays fixed.
struct FuzzCorpusTests {
    @Test(arguments: FuzzTarget.allCases)
    func keptInputsKeepEveryPromise(_ target: FuzzTarget) throws {
        let seeds = FuzzCorpus.files(at: FuzzCorpus.seeds(of: target))
        #expect(seeds.count >= 10, "the \(target) seed corpus is in \(FuzzCorpus.seeds(of: target).path)")
        for file in seeds + FuzzCorpus.files(at: FuzzCorpus.crashes(of: target)) {
            let violations = target.violations(in: try Data(contentsOf: file))
            #expect(violations.isEmpty, "\(target) \(file.lastPathComponent): \(violations)")
        }
    }

    /// The echo check sees a crowd ping in any case, and not one the word joiner broke.
    @Test func crowdPingsAreSeen() {
        #expect(EchoInvariants.crowdPing(in: "hi @HERE now", words: ["channel", "here"]) == "here")
        #expect(EchoInvariants.crowdPing(in: "a@b @\u{2060}here @hero", words: ["here", "hero!"]) == nil)
    }

    /// A command without a channel or a person is reported, whichever decoder read it.
    @Test func halfCommandsAreReported() {
        let channel = ChannelKey(platform: "slack", team: "T1", channel: "")
        #expect(Whole.violations(channel, User(id: "U1", name: "ada"), "x").count == 1)
        #expect(
            Whole.violations(ChannelKey(platform: "slack", team: "T1", channel: "C1"), User(id: "", name: "ada"), "x")
                .count == 1)
    }
}
