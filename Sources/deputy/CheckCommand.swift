import ArgumentParser
import DeputyConfig
import Foundation

/// `deputy check`: validates the rules and the phrasebook, listing every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the rules and the phrasebook; exit non-zero listing every problem.")

    @OptionGroup var files: FileOptions

    func run() throws {
        do {
            _ = try files.load()
            print("ok: \(files.rulesPath) and \(files.phrasebookPath) are valid")
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
