import DeputyCore

extension CommandParserCases {
    /// The words tired people really type: timeboxes, severities and titles written every way,
    /// verbs with a colon, and commands about a closed incident that name it.
    static let spoken: [(String, Command)] = timeboxes + severities + addressed

    /// A timebox wherever people write it, in every way they write it.
    static let timeboxes: [(String, Command)] = [
        ("assign @hayley investigate the latency 20m", assign(hayley, "investigate the latency", .minutes(20))),
        ("assign @hayley investigate the latency 20 min", assign(hayley, "investigate the latency", .minutes(20))),
        (
            "assign @hayley investigate the latency in twenty minutes",
            assign(hayley, "investigate the latency", .minutes(20))
        ),
        (
            "assign @hayley investigate the latency in half an hour",
            assign(hayley, "investigate the latency", .minutes(30))
        ),
        (
            "assign @hayley investigate the latency for 20 minutes",
            assign(hayley, "investigate the latency", .minutes(20))
        ),
        ("assign @hayley investigate the latency 1h30", assign(hayley, "investigate the latency", .minutes(90))),
        ("assign @hayley check logs in twenty-five minutes", assign(hayley, "check logs", .minutes(25))),
        ("assign @hayley check logs in one and a half hours", assign(hayley, "check logs", .minutes(90))),
        ("assign @hayley check logs in an hour and a half", assign(hayley, "check logs", .minutes(90))),
        ("assign @hayley check logs in a quarter of an hour", assign(hayley, "check logs", .minutes(15))),
        ("assign @hayley check logs in 1.5h", assign(hayley, "check logs", .minutes(90))),
        ("assign @hayley check logs in 1 hour 30 minutes", assign(hayley, "check logs", .minutes(90))),
        ("assign @hayley check logs within an hour", assign(hayley, "check logs", .hours(1))),
        ("assign @hayley in half an hour check the replica", assign(hayley, "check the replica", .minutes(30))),
        ("assign @hayley check the cache in 10m.", assign(hayley, "check the cache", .minutes(10))),
        ("assign @hayley restart pod 5", assign(hayley, "restart pod 5")),
        ("assign @hayley check in with sales in a bit", assign(hayley, "check in with sales in a bit")),
        ("assign @nina check with @dan about the replica", assign(nina, "check with @dan about the replica")),
        ("assign: @hayley check logs", assign(hayley, "check logs")),
        ("extend twenty minutes", .extend(nil, by: .minutes(20))),
        ("extend T2 half an hour", .extend(TaskID(2), by: .minutes(30))),
        ("extend by another 10", .extend(nil, by: .minutes(10))),
        ("extend T1 1h30", .extend(TaskID(1), by: .minutes(90))),
        ("extend for an hour", .extend(nil, by: .hours(1))),
        (
            "found the lag is 40s for twenty minutes",
            .found(nil, finding: "the lag is 40s", timebox: .minutes(20))
        ),
        (
            "found T2 it is the cache, need half an hour",
            .found(TaskID(2), finding: "it is the cache, need half an hour", timebox: nil)
        ),
        (
            "found T2 it is the cache in half an hour",
            .found(TaskID(2), finding: "it is the cache", timebox: .minutes(30))
        ),
        ("quiet for half an hour", .quiet(.minutes(30))),
        ("snooze T3 for a quarter of an hour", .snooze(TaskID(3), .minutes(15))),
        ("propose roll back within a minute", .propose(action: "roll back", within: .minutes(1))),
    ]

    /// Severity at declare in every common spelling, and the title without stray punctuation.
    static let severities: [(String, Command)] = [
        ("declare checkout is slow sev 2", .declare(title: "checkout is slow", severity: sev(2), drill: false)),
        ("declare checkout is slow severity 2", .declare(title: "checkout is slow", severity: sev(2), drill: false)),
        ("declare checkout is slow SEV-2", .declare(title: "checkout is slow", severity: sev(2), drill: false)),
        ("declare checkout is slow Sev2", .declare(title: "checkout is slow", severity: sev(2), drill: false)),
        ("declare checkout is slow P1", .declare(title: "checkout is slow", severity: sev(1), drill: false)),
        ("declare p3 checkout is slow", .declare(title: "checkout is slow", severity: sev(3), drill: false)),
        ("declare checkout is slow (sev2)", .declare(title: "checkout is slow", severity: sev(2), drill: false)),
        ("declare checkout is slow, sev2.", .declare(title: "checkout is slow", severity: sev(2), drill: false)),
        ("declare checkout is slow.", .declare(title: "checkout is slow", severity: nil, drill: false)),
        ("declare Sev1 - checkout down!", .declare(title: "checkout down", severity: sev(1), drill: false)),
        ("declare SEV1: checkout down", .declare(title: "checkout down", severity: sev(1), drill: false)),
        ("declare checkout p99 is high", .declare(title: "checkout p99 is high", severity: nil, drill: false)),
        (
            "declare severity of the DNS issue unclear",
            .declare(title: "severity of the DNS issue unclear", severity: nil, drill: false)
        ),
        ("declare replica lag, drill.", .declare(title: "replica lag", severity: nil, drill: true)),
        ("declare: checkout is down", .declare(title: "checkout is down", severity: nil, drill: false)),
        ("sev P2", .severity(sev(2))), ("sev Sev-3", .severity(sev(3))), ("sev severity 4", .severity(sev(4))),
        ("severity 1", .severity(sev(1))),
    ]

    /// Commands about a closed incident that name it (`INC-1`), wherever it is written.
    static let addressed: [(String, Command)] = [
        ("timeline INC-4", .about(IncidentID(4), .timeline)),
        ("timeline inc-4", .about(IncidentID(4), .timeline)),
        ("actions INC-2", .about(IncidentID(2), .actions)),
        ("action INC-2 Add an alert on replica lag", .about(IncidentID(2), .action("Add an alert on replica lag"))),
        ("action done INC-2 #1", .about(IncidentID(2), .actionDone(1))),
        ("action Review INC-1 with the team", .action("Review INC-1 with the team")),
        (
            "postmortem done INC-1 https://wiki/pm/1",
            .about(IncidentID(1), .postmortemDone(link: "https://wiki/pm/1"))
        ),
        ("postmortem done INC-1", .about(IncidentID(1), .postmortemDone(link: nil))),
        ("postmortem @hayley INC-1", .about(IncidentID(1), .postmortemOwner(hayley))),
        ("postmortem INC-1 @hayley", .about(IncidentID(1), .postmortemOwner(hayley))),
        ("postmortem draft INC-3", .about(IncidentID(3), .postmortemDraft)),
        ("postmortem status INC-3", .about(IncidentID(3), .postmortemStatus)),
    ]

    /// Someone typed as a plain `@nina`.
    static let nina = User.named("nina")
}
