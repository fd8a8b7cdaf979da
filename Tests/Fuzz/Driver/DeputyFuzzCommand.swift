import DeputyFuzz
import Foundation

#if FUZZING
    import CLibFuzzer
#endif

/// `deputy-fuzz`: one fuzz target, chosen by `DEPUTY_FUZZ_TARGET` (`parser`, `form`, `json`,
/// `yaml`). Built with `-DFUZZING -sanitize=fuzzer` (bench/fuzz/run.sh) it is libFuzzer, taking
/// libFuzzer's options and corpus folders; built plainly it replays files and folders through the
/// same checks, or with no arguments every target's kept corpus and crashes, and exits 1 on a
/// broken promise.
@main
enum DeputyFuzzCommand {
    static func main() {
        #if FUZZING
            guard fuzzedTarget != nil else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
                FileHandle.standardError.write(Data("set \(FuzzTarget.variable) to one of: \(names)\n".utf8))
                exit(2)
            }
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
        #else
            let paths = CommandLine.arguments.dropFirst()
            if paths.isEmpty {
                exit(FuzzTarget.allCases.map(replayKept).allSatisfy { $0 } ? 0 : 1)
            }
            guard let target = fuzzedTarget else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
                print("set \(FuzzTarget.variable) to one of \(names) to replay files")
                exit(2)
            }
            exit(replay(target, paths.map { URL(fileURLWithPath: $0) }) ? 0 : 1)
        #endif
    }

    /// Replays `target`'s seed corpus and crashes; whether every promise held.
    static func replayKept(_ target: FuzzTarget) -> Bool {
        replay(target, [FuzzCorpus.seeds(of: target), FuzzCorpus.crashes(of: target)])
    }

    /// Replays every file at `urls` through `target`, printing each broken promise and a count;
    /// whether every promise held.
    static func replay(_ target: FuzzTarget, _ urls: [URL]) -> Bool {
        var inputs = 0
        var broken = 0
        for file in urls.flatMap(FuzzCorpus.files(at:)) {
            guard let input = FileManager.default.contents(atPath: file.path) else {
                print("\(file.path): unreadable")
                broken += 1
                continue
            }
            inputs += 1
            let violations = target.violations(in: input)
            if !violations.isEmpty { broken += 1 }
            for violation in violations { print("\(file.path): \(violation)") }
        }
        print("\(target.rawValue): \(inputs) inputs, \(broken) broken")
        return broken == 0
    }
}

/// The target named by the environment, read once.
let fuzzedTarget = ProcessInfo.processInfo.environment[FuzzTarget.variable].flatMap(FuzzTarget.init(rawValue:))

/// libFuzzer's callback: one input through the target; a broken promise aborts, so libFuzzer
/// keeps the input as a crash.
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = fuzzedTarget else { return -1 }
    let input = data.map { Data(bytes: $0, count: size) } ?? Data()
    let violations = target.violations(in: input)
    guard violations.isEmpty else {
        FileHandle.standardError.write(Data(("broken promise:\n" + violations.joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}
