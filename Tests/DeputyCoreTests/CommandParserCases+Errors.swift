import DeputyCore

extension CommandParserCases {
    /// Texts that are not commands, with the exact reason.
    static let invalid: [(String, CommandError)] = unrecognized + wrongArguments + groups

    /// Empty texts and unknown first words.
    static let unrecognized: [(String, CommandError)] = [
        ("", .empty), ("   ", .empty), ("\n\t \u{00A0}", .empty),
        ("frobnicate", .unknownVerb("frobnicate")), ("Frobnicate now", .unknownVerb("Frobnicate")),
        ("@hayley assign", .unknownVerb("@hayley")), ("/ic", .unknownVerb("/ic")),
        ("declare: outage", .unknownVerb("declare:")), ("3 pods down", .unknownVerb("3")),
    ]

    /// Known verbs followed by words that do not fit them.
    static let wrongArguments: [(String, CommandError)] =
        [
            "declare", "declare sev1 drill", "declare sev1 sev2 outage",
            "lead now", "accept it", "takeover x", "join us", "leave now", "status please", "tasks all", "reopen it",
            "handover", "handover hayley", "handover cancel now", "handover @hayley @sam", "handover @hayley now",
            "role", "role deputy", "role sme @hayley", "role boss @hayley", "role deputy @a @b",
            "role sme @hayley data base", "role sme: @hayley",
            "release", "release hayley", "release @hayley @sam",
            "propose", "propose within 5m", "propose P3 now",
            "suggest", "decide", "decide P2", "decide P2 maybe later",
            "assign", "assign @hayley", "assign hayley check logs", "assign @hayley in 5m", "assign @hayley for 5 min",
            "assign T3", "assign T3 @hayley now", "assign sme check the db", "assign 3 @hayley",
            "cancel", "cancel 3", "cancel T3 T4", "ack 3", "ack T3 now",
            "found", "found T3", "found T3 for 10m",
            "extend soon", "extend T2 by", "extend 20 minutes please", "extend 0", "extend T2 T3",
            "snooze", "snooze T3", "snooze 10m", "snooze T3 later", "snooze T3 10m now",
            "quiet", "quiet please", "quiet 9000h", "quiet for",
            "summary", "note", "todo", "update", "update draft", "update DRAFT  ",
            "impact", "impact since 14:05", "impact errors since 25:00", "impact errors since 14:5",
            "sev", "sev 0", "sev 6", "sev sev9", "sev high", "sev 2 3", "sev -2",
            "phase", "phase fixing", "phase triage now",
            "resolve now", "resolve confirm please", "resolve false",
            "postmortem", "postmortem hayley", "postmortem @hayley @sam", "postmortem draft now",
            "postmortem status please",
            "action", "action done", "action done #0", "action done #x", "action done 2 3", "action done the alert",
            "action done #-1", "actions all", "timeline INC-4", "timeline please",
            "say", "say panic", "say hurry up",
        ].map(usage)

    /// Groups where one person belongs.
    static let groups: [(String, CommandError)] = [
        "handover @here", "handover <!channel>", "handover @Everyone",
        "role deputy @here", "role comms <!subteam^S123|oncall>", "role @channel scribe",
        "release @everyone", "assign @here check logs", "assign <!here> check", "assign <@&123456789012345678> check",
        "assign T3 @channel",
        "postmortem @channel",
    ].map { ($0, .notOnePerson) }

    /// The usage error for `text`'s verb.
    private static func usage(_ text: String) -> (String, CommandError) {
        let word = text.split(separator: " ").first.map(String.init) ?? text
        return (text, Verb(word: word).map(CommandError.usage) ?? .unknownVerb(word))
    }
}
