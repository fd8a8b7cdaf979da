import DeputyCore
import Testing

@Suite("Help for what did not parse")
struct HelpTests {
    static let alice = User.named("alice")

    @Test(
        "a slip of the keyboard suggests the command it most likely was",
        arguments: [
            ("asign", "assign"), ("stauts", "status"), ("decalre", "declare"), ("stat", "status"), ("ASSING", "assign"),
            ("propse", "propose"), ("hanover", "handover"), ("acknowlege", "acknowledge"), ("resolv", "resolve"),
            ("timelin", "timeline"), ("snoze", "snooze"),
        ])
    func suggests(typed: String, meant: String) {
        let reply = Help.reply(to: .unknownVerb(typed), for: Self.alice)
        #expect(reply.lines.first?.key == .unknownVerbSuggestion)
        #expect(reply.lines.first?.values["verb"] == .plain(meant))
        #expect(reply.lines.first?.values["word"] == .text(typed))
    }

    @Test(
        "a word far from every command, or as close to two, gets the list instead",
        arguments: ["reboot", "frobnicate", "xy", "@here", "3", "re", "do", "s"])
    func noSuggestion(typed: String) {
        #expect(Help.reply(to: .unknownVerb(typed), for: Self.alice).lines.first?.key == .unknownVerb)
    }

    @Test("a usage error with a hint says the usage, then what is wrong")
    func hint() {
        let reply = Help.reply(to: .usageHint(.role, .mentionWithoutAt("sam")), for: Self.alice)
        #expect(reply.lines.map(\.key) == [.usageError, .hintMentionWithoutAt])
        #expect(reply.lines.last?.values["name"] == .text("sam"))
        #expect(reply.isPrivate)
    }
}
