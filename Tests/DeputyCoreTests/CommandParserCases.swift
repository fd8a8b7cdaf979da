import DeputyCore

/// The tables the parser tests run on: each text with the exact command it must become.
enum CommandParserCases {
    /// Someone typed as a plain `@hayley`.
    static let hayley = User.named("hayley")
    /// Someone typed in the canonical mention form `<@U1|Hayley>`.
    static let canonical = User(id: "U1", name: "Hayley")

    /// Every command form, with the command it parses to.
    static let valid: [(String, Command)] =
        opening + people + consensus + tasks + picture + closing + reading + spoken

    /// The forms the generated test mutates: all of them.
    static let seeds = valid

    /// Commands that only read the incident: `timeline`.
    static let reading: [(String, Command)] = [
        ("timeline", .timeline), ("Timeline", .timeline), ("TIMELINE  ", .timeline),
    ]

    /// `declare`, `lead`, `handover` and friends.
    static let opening: [(String, Command)] = [
        ("declare Checkout is down", .declare(title: "Checkout is down", severity: nil, drill: false)),
        ("declare Checkout is down sev2", .declare(title: "Checkout is down", severity: sev(2), drill: false)),
        ("DECLARE sev-1 payments failing", .declare(title: "payments failing", severity: sev(1), drill: false)),
        ("declare API errors SEV3 drill", .declare(title: "API errors", severity: sev(3), drill: true)),
        ("declare drill DNS outage", .declare(title: "DNS outage", severity: nil, drill: true)),
        ("declare db sev1 down", .declare(title: "db down", severity: sev(1), drill: false)),
        ("declare  Checkout   is down  ", .declare(title: "Checkout   is down", severity: nil, drill: false)),
        ("declare 5 pods crashing", .declare(title: "5 pods crashing", severity: nil, drill: false)),
        ("declare Drilling rig offline", .declare(title: "Drilling rig offline", severity: nil, drill: false)),
        ("declare payments sev6", .declare(title: "payments sev6", severity: nil, drill: false)),
        ("lead", .lead), ("LEAD", .lead), ("ic", .lead), ("claim", .lead),
        ("accept", .accept), ("takeover", .takeover),
        ("handover @hayley", .handover(to: hayley)),
        ("handover @hayley.", .handover(to: hayley)),
        ("handover <@U1|Hayley>", .handover(to: canonical)),
        ("handoff <@U1>", .handover(to: User(id: "U1", name: "U1"))),
        ("handover <@U1|Hayley Smith>", .handover(to: User(id: "U1", name: "Hayley Smith"))),
        ("handover cancel", .handoverCancel), ("handover CANCEL", .handoverCancel),
    ]

    /// `role`, `join`, `leave`, `release`.
    static let people: [(String, Command)] = [
        ("role deputy @hayley", .role(.deputy, hayley)),
        ("role scribe <@U1|Hayley>", .role(.scribe, canonical)),
        ("role comms @hayley,", .role(.comms, hayley)),
        ("role liaison @hayley", .role(.comms, hayley)),
        ("role sme @hayley database", .role(.sme(area: "database"), hayley)),
        ("role sme:database @hayley", .role(.sme(area: "database"), hayley)),
        ("role SME:DB @hayley", .role(.sme(area: "db"), hayley)),
        ("role @hayley deputy", .role(.deputy, hayley)),
        ("role @hayley sme Network", .role(.sme(area: "network"), hayley)),
        ("role @hay.ley_2-x deputy", .role(.deputy, User(id: "hay.ley_2-x", name: "hay.ley_2-x"))),
        ("join", .join), ("leave", .leave),
        ("release @hayley", .release(hayley)),
        ("release <@U1|Hayley>:", .release(canonical)),
    ]

    /// `propose`, `suggest`, `object`, `decide`.
    static let consensus: [(String, Command)] = [
        ("propose roll back the deploy", .propose(action: "roll back the deploy", within: nil)),
        ("propose roll back the deploy within 5m", .propose(action: "roll back the deploy", within: .minutes(5))),
        ("propose restart the pods within 10 min", .propose(action: "restart the pods", within: .minutes(10))),
        ("propose fail over within reason", .propose(action: "fail over within reason", within: nil)),
        ("propose drain 3 nodes", .propose(action: "drain 3 nodes", within: nil)),
        ("propose P3", .proposeSuggestion(ProposalID(3), within: nil)),
        ("propose p3 within 2m", .proposeSuggestion(ProposalID(3), within: .minutes(2))),
        ("suggest flush the CDN cache", .suggest(action: "flush the CDN cache")),
        ("object", .object(nil, reason: nil)),
        ("object P2", .object(ProposalID(2), reason: nil)),
        ("object P2 we lose the logs", .object(ProposalID(2), reason: "we lose the logs")),
        ("objection too risky", .object(nil, reason: "too risky")),
        ("decide proceed", .decide(nil, .proceed)),
        ("decide P2 go", .decide(ProposalID(2), .proceed)),
        ("decide p2 YES", .decide(ProposalID(2), .proceed)),
        ("decide approve", .decide(nil, .proceed)),
        ("decide P1 drop", .decide(ProposalID(1), .drop)),
        ("decide no", .decide(nil, .drop)),
        ("decide reject", .decide(nil, .drop)),
        ("decision P4 abandon", .decide(ProposalID(4), .drop)),
        ("decide roll back now", .decideOnCall("roll back now")),
        ("decide go ahead with the rollback", .decideOnCall("go ahead with the rollback")),
    ]

    /// `assign`, `cancel`, `ack`, `found`, `extend`, `done`, `snooze`, `quiet`.
    static let tasks: [(String, Command)] = [
        ("assign @hayley investigate the latency", assign(hayley, "investigate the latency")),
        ("assign @hayley investigate the latency in 5m", assign(hayley, "investigate the latency", .minutes(5))),
        ("assign @hayley for 10 min check the dashboards", assign(hayley, "check the dashboards", .minutes(10))),
        ("assign <@U1|Hayley> check logs for 1h30m", assign(canonical, "check logs", .minutes(90))),
        ("assign @hayley in 5m check the cache in 10m", assign(hayley, "check the cache in 10m", .minutes(5))),
        ("assign @hayley look at 5 pods", assign(hayley, "look at 5 pods")),
        ("assign @hayley check in with sales", assign(hayley, "check in with sales")),
        ("assign sme:database check replication lag", assign(.sme(area: "database"), "check replication lag")),
        ("assign comms draft the status page", assign(.comms, "draft the status page")),
        ("assign deputy watch errors in 15 minutes", assign(.deputy, "watch errors", .minutes(15))),
        ("assign scribe keep the timeline", assign(.scribe, "keep the timeline")),
        ("assign T3 @hayley", .reassign(TaskID(3), to: .user(hayley))),
        ("assign t3 comms", .reassign(TaskID(3), to: .role(.comms))),
        ("cancel T3", .cancel(TaskID(3))),
        ("ack", .ack(nil)), ("ack T2", .ack(TaskID(2))), ("acknowledge T2", .ack(TaskID(2))),
        ("understood", .ack(nil)),
        ("found the cache is cold", .found(nil, finding: "the cache is cold", timebox: nil)),
        ("found T2 replica lag is 40s", .found(TaskID(2), finding: "replica lag is 40s", timebox: nil)),
        (
            "found T2 replica is lagging for 10m",
            .found(TaskID(2), finding: "replica is lagging", timebox: .minutes(10))
        ),
        ("finding disk full in 5 min", .found(nil, finding: "disk full", timebox: .minutes(5))),
        ("extend", .extend(nil, by: nil)), ("extend T2", .extend(TaskID(2), by: nil)),
        ("extend 20", .extend(nil, by: .minutes(20))), ("extend T2 15", .extend(TaskID(2), by: .minutes(15))),
        ("extend 20 minutes", .extend(nil, by: .minutes(20))), ("extend T1 1h", .extend(TaskID(1), by: .hours(1))),
        ("extend by 10", .extend(nil, by: .minutes(10))), ("extend T4 for 90s", .extend(TaskID(4), by: .seconds(90))),
        ("done", .done(nil, finding: nil)), ("done T3", .done(TaskID(3), finding: nil)),
        ("done T3 it was DNS", .done(TaskID(3), finding: "it was DNS")),
        ("done 3 pods were OOM-killed", .done(nil, finding: "3 pods were OOM-killed")),
        ("snooze T3 10m", .snooze(TaskID(3), .minutes(10))),
        ("snooze T3 for 5 min", .snooze(TaskID(3), .minutes(5))),
        ("quiet 30m", .quiet(.minutes(30))), ("quiet for 1h", .quiet(.hours(1))),
        ("quiet 20 minutes", .quiet(.minutes(20))),
    ]

    /// `status`, `tasks`, free-text notes, `impact`, `sev`, `phase`.
    static let picture: [(String, Command)] = [
        ("status", .status), ("board", .status), ("tasks", .tasks),
        ("summary Checkout errors since 14:00", .summary("Checkout errors since 14:00")),
        ("note  Restarted  pod-7\nby hand ", .note("Restarted  pod-7\nby hand")),
        ("todo Rotate the leaked key", .todo("Rotate the leaked key")),
        ("update Mitigated; watching", .update("Mitigated; watching")),
        ("update draft We had an outage", .updateDraft("We had an outage")),
        ("UPDATE Draft  two  spaces", .updateDraft("two  spaces")),
        ("update drafted the plan", .update("drafted the plan")),
        ("impact EU users cannot pay", .impact("EU users cannot pay", since: nil)),
        ("impact EU users cannot pay since 14:05", .impact("EU users cannot pay", since: time(14, 5))),
        ("impact slow logins since 9:30", .impact("slow logins", since: time(9, 30))),
        ("impact errors since the deploy", .impact("errors since the deploy", since: nil)),
        ("sev 2", .severity(sev(2))), ("sev sev2", .severity(sev(2))),
        ("severity SEV-2", .severity(sev(2))), ("sev 5", .severity(sev(5))),
        ("phase triage", .phase(.triage)), ("phase Mobilize", .phase(.mobilize)),
        ("phase resolve", .phase(.resolve)), ("phase prevent", .phase(.prevent)),
    ]

    /// `resolve`, `reopen`, `postmortem`, `say`, `help`.
    static let closing: [(String, Command)] = [
        ("resolve", .resolve), ("resolve confirm", .resolveConfirm),
        ("resolve false-alarm", .resolveFalseAlarm), ("resolve false alarm", .resolveFalseAlarm),
        ("resolve FalseAlarm", .resolveFalseAlarm), ("reopen", .reopen),
        ("postmortem @hayley", .postmortemOwner(hayley)),
        ("postmortem done", .postmortemDone(link: nil)),
        ("postmortem draft", .postmortemDraft),
        ("Postmortem STATUS", .postmortemStatus),
        ("postmortem done https://wiki/pm/12", .postmortemDone(link: "https://wiki/pm/12")),
        ("action Add an alert on replica lag above 30 s", .action("Add an alert on replica lag above 30 s")),
        ("Action investigate the database", .action("investigate the database")),
        ("action done #2", .actionDone(2)), ("action DONE 12", .actionDone(12)), ("actions", .actions),
        ("action donate the spare servers", .action("donate the spare servers")),
        ("say hurry", .say(.hurry, to: nil)), ("say CROWD", .say(.crowd, to: nil)),
        ("say belligerent @frank", .say(.belligerent, to: User.named("frank"))),
        ("say @frank belligerent", .say(.belligerent, to: User.named("frank"))),
        ("say spreadsheets", .say(.spreadsheet, to: nil)), ("say exec", .say(.takeover, to: nil)),
        ("say concerns", .say(.concerns, to: nil)),
        ("help", .help(topic: nil)), ("help assign", .help(topic: "assign")),
        ("help /Assign", .help(topic: "assign")), ("help Declare sev", .help(topic: "declare sev")),
    ]

    /// `SEV-level` (1 to 5), for tables.
    static func sev(_ level: Int) -> Severity { Severity.all[level - 1] }

    /// A time of day, for tables.
    static func time(_ hour: Int, _ minute: Int) -> TimeOfDay? { TimeOfDay(hour: hour, minute: minute) }

    /// `assign` to a person.
    static func assign(_ user: User, _ task: String, _ timebox: Span? = nil) -> Command {
        .assign(owner: .user(user), task: task, timebox: timebox)
    }

    /// `assign` to a role.
    static func assign(_ role: Role, _ task: String, _ timebox: Span? = nil) -> Command {
        .assign(owner: .role(role), task: task, timebox: timebox)
    }
}
