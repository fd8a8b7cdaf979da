import DeputyConfig
import DeputyCore
import Testing

/// The blame-aware wording check and the customer wording hint with the shipped
/// `Config/rules.yaml`: tables of texts that pass and texts that get a suggestion.
struct WordingLintTests {
    static let wording: Rules.Wording? = {
        guard let path = Repository.path("Config/rules.yaml"), let rules = try? RulesLoader.load(path: path) else {
            return nil
        }
        return rules.wording
    }()

    static let people = [User(id: "U1", name: "hayley"), User(id: "U2", name: "camden")]

    static let blameless = [
        "The config push at 02:45 changed the payment timeout",
        "Errors started with the 02:45 config push",
        "What made the rollback take 20 minutes?",
        "How did the alert reach the on-call engineer?",
        "The deploy pipeline allowed an untested config to reach production",
        "hayley rolled back the config at 03:20",
        "camden failed over the database to the replica",
        "Customers who use saved cards saw errors",
        "The runbook did not mention the replica lag check",
        "We could have seen the error rate sooner with a dashboard",
        "The alert threshold was set before the traffic doubled",
        "The review did not catch the missing timeout",
        "Add a check for replica lag to the deploy pipeline",
        "Document how to roll back a config push",
        "Our blameless review found three contributing factors",
        "The system made it easy to push to the wrong region",
        "The migration ran during peak traffic because the schedule did not know about it",
        "How was the timeout value chosen at the time?",
        "What did the dashboards show at 03:05?",
        "The on-call engineer followed the runbook as written",
        "A retry storm followed the timeout change",
        "Latency rose after the cache was flushed",
        "We found the root of the problem in the connection pool settings",
        "The flag was left on after the experiment ended",
        "The second alert fired 4 minutes after the first",
        "Support received 40 tickets about failed payments",
        "What conditions made the outage possible?",
        "hayley's finding pointed at the config",
        "Nobody had the access needed to roll back quickly",
        "The human review step was skipped by the automation",
        "Showed up in the logs at 03:02",
    ]

    static let blaming: [(String, String)] = [
        ("hayley caused the outage", "person"),
        ("The outage was caused by @camden", "person"),
        ("<@U2|camden> broke the deploy", "person"),
        ("It was camden's fault", "person"),
        ("because of hayley the rollback was late", "person"),
        ("camden forgot to update the runbook", "person"),
        ("@hayley failed to check the replica", "person"),
        ("This was hayley's mistake", "person"),
        ("camden didn't run the tests", "person"),
        ("Blame @camden for the config", "person"),
        ("Who pushed the config?", "question"),
        ("who approved this change?", "question"),
        ("Why did you deploy on a Friday?", "question"),
        ("Why didn't you page the database team?", "question"),
        ("The alert fired. Who was on call?", "question"),
        ("Whose change was it?", "question"),
        ("Why would you skip the review?", "question"),
        ("Root cause: human error", "blame"),
        ("Human error during the migration", "blame"),
        ("The engineer should have checked the dashboard", "blame"),
        ("They should've waited for the review", "blame"),
        ("We shouldn't have deployed at peak", "blame"),
        ("A careless config change", "blame"),
        ("The change was made carelessly", "blame"),
        ("Negligence in the review", "blame"),
        ("Sloppy work on the migration", "blame"),
        ("Someone dropped the ball on the alerts", "blame"),
        ("The team messed up the rollout", "blame"),
        ("Whoever did this was not paying attention", "blame"),
        ("The operator should not have restarted the primary", "blame"),
        ("It was their fault", "blame"),
        ("Carelessness with production credentials", "blame"),
    ]

    @Test("blameless texts pass", arguments: blameless)
    func passes(text: String) throws {
        let wording = try #require(Self.wording)
        #expect(WordingLint(wording: wording, people: Self.people).check(text) == [])
    }

    @Test("blaming texts get a suggestion of the right kind", arguments: blaming)
    func flags(text: String, kind: String) throws {
        let wording = try #require(Self.wording)
        let findings = WordingLint(wording: wording, people: Self.people).check(text)
        let kinds = findings.map { finding in
            switch finding {
            case .personAsCause: "person"
            case .question: "question"
            case .blame: "blame"
            }
        }
        #expect(kinds.contains(kind), "\(text): \(findings)")
    }

    @Test("the rewording puts a responder for the person and the rewrites for judging words")
    func rewording() throws {
        let lint = WordingLint(wording: try #require(Self.wording), people: Self.people)
        #expect(lint.reworded("hayley caused the outage") == "a responder caused the outage")
        #expect(lint.reworded("Root cause: human error") == "Root cause: a step the system made easy to get wrong")
        #expect(lint.reworded("Why did you deploy on a Friday?") == "What led to deploy on a Friday?")
        #expect(lint.reworded("It was camden's fault") == "It was a responder's fault")
        #expect(lint.reworded("The config push changed the timeout") == nil)
        // Whatever was flagged, the suggestion never keeps a name.
        #expect(
            lint.reworded("hayley ran the migration during peak, careless")
                == "a responder ran the migration during peak, hurried")
        #expect(lint.reworded("@camden should have checked") == "a responder could have checked")
        #expect(lint.reworded("hayley ran the migration during peak") == nil)
    }

    static let customerFine = [
        "Some customers could not pay by card between 02:50 and 03:35 UTC.",
        "We are investigating a service disruption affecting card payments.",
        "Card payments are working again. We are watching closely.",
        "Some customers in the EU saw slow checkout pages.",
        "Sign-ins are slower than usual; we are working on it.",
        "The service disruption is resolved. Thank you for your patience.",
        "We will share an update within 30 minutes.",
        "Saved cards could not be used for about 40 minutes.",
        "Payments made during this time were not charged twice.",
        "We have identified the cause and applied a fix.",
        "Orders placed between 03:00 and 03:30 UTC may show a delay.",
        "Checkout is available again for all customers.",
        "You do not need to do anything.",
        "Some emails were delivered late this morning.",
        "Our team is working to restore the service.",
        "We are sorry for the trouble this caused.",
        "Uploads may fail for some customers in the US.",
        "The mobile app could not load order history.",
        "A fix is in place and we are monitoring the results.",
        "Customers may need to refresh the page.",
        "Reports will be complete by 10:00 UTC.",
        "We expect full service within the hour.",
        "Some invoices show the wrong date; corrected invoices will follow.",
        "Search results were incomplete for about 15 minutes.",
        "Your data was not affected.",
        "New accounts could not be created for a short time.",
        "We have restored access to the dashboard for all teams.",
        "Notifications were delayed by up to 20 minutes.",
        "Payment confirmations are being sent again.",
        "We will publish a summary of what happened and what we are changing.",
    ]

    static let customerBad: [(String, String)] = [
        ("We are having an outage.", "instead"),
        ("Checkout is down for some customers.", "instead"),
        ("The payment service crashed.", "instead"),
        ("A bug in checkout broke card payments.", "instead"),
        ("Multiple outages in the EU region.", "instead"),
        ("The site is dead.", "instead"),
        ("A failure in the payments provider.", "instead"),
        ("Login is broken.", "instead"),
        ("We rolled back the deploy.", "jargon"),
        ("The db replica is lagging.", "jargon"),
        ("A failover is in progress.", "jargon"),
        ("Latency is high on the API gateway.", "jargon"),
        ("Pods are restarting in the cluster.", "jargon"),
        ("A hotfix is being prepared.", "jargon"),
        ("We see 5xx errors.", "jargon"),
        ("The cache was flushed.", "jargon"),
        ("This is a sev1.", "jargon"),
        ("The RCA will follow.", "jargon"),
        ("We breached our SLO.", "jargon"),
        ("The MTTR was 40 minutes.", "jargon"),
        ("An issue with the CDN.", "jargon"),
        ("The IAM policy was wrong.", "acronyms"),
        ("The TLS certificate expired.", "acronyms"),
        ("Our ETL job stopped.", "acronyms"),
        ("The K8S upgrade changed things.", "jargon"),
        ("hayley caused this.", "blame"),
        ("This was human error.", "blame"),
        ("An engineer should have caught it.", "blame"),
        ("A careless change caused this.", "blame"),
        ("Who did this?", "blame"),
        ("The QA step was skipped.", "acronyms"),
    ]

    @Test("customer wording that reads well passes", arguments: customerFine)
    func customerPasses(text: String) throws {
        let lint = CustomerWordingLint(wording: try #require(Self.wording), people: Self.people)
        let findings = lint.check(text)
        #expect(findings.isEmpty, "\(text): \(findings)")
    }

    @Test("customer wording gets the right hint", arguments: customerBad)
    func customerFlags(text: String, kind: String) throws {
        let findings = CustomerWordingLint(wording: try #require(Self.wording), people: Self.people).check(text)
        let kinds =
            (findings.instead.isEmpty ? [] : ["instead"]) + (findings.jargon.isEmpty ? [] : ["jargon"])
            + (findings.acronyms.isEmpty ? [] : ["acronyms"]) + (findings.blame.isEmpty ? [] : ["blame"])
        #expect(kinds.contains(kind), "\(text): \(kinds)")
    }

    @Test("the outage hint names the notes' better words")
    func outage() throws {
        let findings = CustomerWordingLint(wording: try #require(Self.wording)).check("We are having an outage.")
        #expect(findings.instead.map(\.better) == ["service disruption"])
    }
}
