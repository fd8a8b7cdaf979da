import DeputyCore

extension CommandParserCases {
    /// Texts that are not commands, with the exact reason.
    static let invalid: [(String, CommandError)] = unrecognized + wrongArguments + groups + hinted

    /// Empty texts and unknown first words.
    static let unrecognized: [(String, CommandError)] = [
        ("", .empty), ("   ", .empty), ("\n\t \u{00A0}", .empty),
        ("frobnicate", .unknownVerb("frobnicate")), ("Frobnicate now", .unknownVerb("Frobnicate")),
        ("@hayley assign", .unknownVerb("@hayley")), ("/ic", .unknownVerb("/ic")),
        ("declare:: outage", .unknownVerb("declare::")), ("3 pods down", .unknownVerb("3")),
        ("asign @hayley check", .unknownVerb("asign")), (":declare outage", .unknownVerb(":declare")),
    ]

    /// Known verbs followed by words that do not fit them.
    static let wrongArguments: [(String, CommandError)] =
        [
            "declare", "declare sev1 drill", "declare sev1 sev2 outage",
            "lead now", "accept it", "takeover x", "join us", "leave now", "status please", "tasks all", "reopen it",
            "handover", "handover cancel now", "handover @hayley now",
            "role", "role deputy", "role sme @hayley", "role boss @hayley", "role deputy sam hayley",
            "role sme @hayley data base", "role sme: @hayley",
            "release",
            "propose", "propose within 5m", "propose P3 now",
            "suggest", "decide", "decide P2", "decide P2 maybe later",
            "assign", "assign @hayley", "assign @hayley in 5m", "assign @hayley for 5 min", "assign @hayley 20m",
            "assign T3", "assign T3 @hayley now", "assign sme check the db",
            "cancel", "cancel T3 T4", "ack T3 now",
            "found", "found T3", "found T3 for 10m",
            "extend soon", "extend T2 by", "extend 20 minutes please", "extend 0", "extend T2 T3",
            "snooze", "snooze T3", "snooze 10m", "snooze T3 later", "snooze T3 10m now",
            "quiet", "quiet please", "quiet 9000h", "quiet for", "quiet 0",
            "summary", "note", "todo", "update", "update draft", "update DRAFT  ",
            "impact", "impact since 14:05", "impact errors since 25:00", "impact errors since 14:5",
            "sev", "sev high", "sev 2 3", "sev -2", "sev sev2 P1",
            "phase", "phase fixing", "phase triage now",
            "resolve now", "resolve confirm please", "resolve false",
            "postmortem", "postmortem draft now", "postmortem INC-1",
            "postmortem status please",
            "action", "action done", "action done #0", "action done #x", "action done 2 3", "action done the alert",
            "action done #-1", "actions all", "timeline INC-4 please", "timeline please", "timeline 4",
            "say", "say panic", "say hurry up", "say belligerent frank",
        ].map(usage)

    /// Groups where one person belongs.
    static let groups: [(String, CommandError)] = [
        "handover @here", "handover <!channel>", "handover @Everyone",
        "role deputy @here", "role comms <!subteam^S123|oncall>", "role @channel scribe",
        "release @everyone", "assign @here check logs", "assign <!here> check", "assign <@&123456789012345678> check",
        "assign T3 @channel",
        "postmortem @channel",
    ].map { ($0, .notOnePerson) }

    /// Known verbs whose words are wrong in a way the parser can name, or that name more than
    /// one person where one belongs.
    static let hinted: [(String, CommandError)] = [
        ("handover hayley", .usageHint(.handover, .mentionWithoutAt("hayley"))),
        ("release hayley", .usageHint(.release, .mentionWithoutAt("hayley"))),
        ("postmortem hayley", .usageHint(.postmortem, .mentionWithoutAt("hayley"))),
        ("role scribe sam", .usageHint(.role, .mentionWithoutAt("sam"))),
        ("role sam scribe", .usageHint(.role, .mentionWithoutAt("sam"))),
        ("role sme sam database", .usage(.role)),
        ("assign hayley check logs", .usageHint(.assign, .mentionWithoutAt("hayley"))),
        ("assign 3 @hayley", .usageHint(.assign, .taskWithoutT(3))),
        ("cancel 3", .usageHint(.cancel, .taskWithoutT(3))), ("ack 3", .usageHint(.ack, .taskWithoutT(3))),
        ("snooze 3 10m", .usageHint(.snooze, .taskWithoutT(3))),
        ("sev 0", .usageHint(.sev, .severityOutOfRange)), ("sev 6", .usageHint(.sev, .severityOutOfRange)),
        ("sev sev9", .usageHint(.sev, .severityOutOfRange)), ("sev P7", .usageHint(.sev, .severityOutOfRange)),
        ("quiet 30", .usageHint(.quiet, .durationWithoutUnit(30))),
        ("snooze T3 10", .usageHint(.snooze, .durationWithoutUnit(10))),
        ("handover @hayley @sam", .notOnePerson), ("release @hayley @sam", .notOnePerson),
        ("role deputy @a @b", .notOnePerson), ("postmortem @hayley @sam", .notOnePerson),
        ("assign @nina @dan check the replica", .notOnePerson),
        ("assign @nina and @dan check the replica", .notOnePerson),
        ("assign @nina & @dan check the replica", .notOnePerson),
        ("assign @nina, @dan check the replica", .notOnePerson),
        ("assign @nina,@dan check the replica", .notOnePerson),
        ("assign @nina/@dan check the replica", .notOnePerson),
        ("assign T3 @nina @dan", .notOnePerson),
    ]

    /// The usage error for `text`'s verb.
    private static func usage(_ text: String) -> (String, CommandError) {
        let word = text.split(separator: " ").first.map(String.init) ?? text
        return (text, Verb(word: word).map(CommandError.usage) ?? .unknownVerb(word))
    }
}
