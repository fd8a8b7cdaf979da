import ArgumentParser
import DeputyConfig
import DeputyCore
import DeputyDaemon
import Foundation

/// `deputy console`: try Deputy from a terminal, or run a drill from a script.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Talk to Deputy from standard input: `NAME: /ic <command>` lines, nudges printed as they fall due.")

    @Option(name: .customLong("as"), help: "Who types lines that have no `NAME:` in front.")
    var user = "you"

    @Option(help: "The channel's name.")
    var channel = "#incident"

    @Option(help: "Run the clock this many times faster than real time (60: a minute a second).")
    var speed: Double = 1

    @Option(
        help:
            "Start a drill from this scenario in Config/drills: a tabletop, alone or with several people typing as NAME:."
    )
    var drill: String?

    @OptionGroup var files: FileOptions

    func validate() throws {
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be above 0 and at most 100000") }
    }

    func run() async throws {
        let (rules, phrasebook): (Rules, Phrasebook)
        do {
            (rules, phrasebook) = try files.load()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
        if let drill, rules.drills[drill] == nil {
            // The words /ic drill start answers with, before anything starts.
            let known = rules.drills.keys.sorted().map { PhraseValue.plain($0) }
            let line =
                known.isEmpty
                ? Line(.drillNoScenarios)
                : Line(.drillUnknownScenario, ["scenario": .text(drill), "scenarios": .list(known)])
            FileHandle.standardError.write(Data((phrasebook.render(line, style: .plain) + "\n").utf8))
            throw ExitCode(1)
        }
        let conversation = try await Conversation(
            rules: rules, phrasebook: phrasebook,
            channel: ChannelKey(platform: "console", team: "local", channel: channel),
            user: Conversation.user(named: user.hasPrefix("@") ? String(user.dropFirst()) : user))
        let time: any TimeSource = speed == 1 ? SystemTimeSource() : AcceleratedTimeSource(speed: speed)
        let session = ConsoleSession(conversation: conversation, time: time) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        // The session's clock runs at --speed already: the drill keeps to it.
        if let drill { await session.handle("/ic drill start \(drill)") }
        try await session.run(lines: StandardInput.lines())
    }
}
