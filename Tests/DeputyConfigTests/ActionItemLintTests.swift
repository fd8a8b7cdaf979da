import DeputyConfig
import DeputyCore
import Testing

/// The action-item check with the shipped rules and WordNet verb list: a table of items that
/// pass, and of items that get a suggestion and which.
struct ActionItemLintTests {
    static let lint: ActionItemLint? = {
        guard let path = Repository.path("Config/rules.yaml"), let rules = try? RulesLoader.load(path: path) else {
            return nil
        }
        return ActionItemLint(rules: rules.actionItems)
    }()

    static let good = [
        "Add an alert on replica lag above 30 s to the DB dashboard",
        "Document the failover procedure in the database runbook",
        "Remove the unused feature flag from the checkout service",
        "Raise the connection pool limit to 200 on the payments API",
        "Write a runbook entry for restarting the queue consumers",
        "Enable automatic retries for the billing webhook client",
        "Disable the legacy export job in the nightly cron schedule",
        "Create a dashboard for checkout latency per region",
        "Set the DNS TTL for the status page to 60 seconds",
        "Replace the shared Redis instance with one per service",
        "Upgrade the load balancer firmware to version 4.2",
        "Page the database on-call when replication stops",
        "Move the cache warmup into the deploy pipeline",
        "Delete the stale Kubernetes namespaces left by the migration",
        "Configure a canary stage for config changes in the pipeline",
        "Split the monolith's reporting queries onto a read replica",
        "Limit each tenant to 50 concurrent export jobs",
        "Rename the ambiguous prod-2 cluster to payments-eu",
        "Automate certificate renewal for the internal API gateway",
        "Publish the incident summary on the public status page",
        "Schedule a game day to rehearse regional failover in March",
        "Cap the retry budget of the mobile client at three attempts",
        "Install the disk usage exporter on every database host",
        "Tag every alert with the owning team's name",
        "Fix the health check so it fails when the database is down",
        "Backfill the missing orders from the 14:05 to 14:40 window",
        "Rotate the leaked API key and revoke the old one",
        "Lower the alert threshold for 5xx errors to 1 percent",
        "Add a load test for 2x Black Friday traffic to CI",
        "Shorten the deploy lock timeout to 10 minutes",
        "Archive the old incident channel after the review",
        "Merge the two on-call rotations for the payments team",
    ]

    static let bad: [(String, [ActionItemLint.Finding])] = [
        ("Investigate the database", [.notSpecific]),
        ("investigate why checkout was slow", [.notSpecific]),
        ("Look into replication", [.notSpecific]),
        ("Explore better caching options", [.notSpecific]),
        ("Review the deploy process", [.notSpecific]),
        ("Consider a second region", [.notSpecific]),
        ("Discuss alerting with the SRE team", [.notSpecific]),
        ("Research queue alternatives for billing", [.notSpecific]),
        ("Check the logs", [.notSpecific]),
        ("Improve monitoring of the payment service", [.notSpecific]),
        ("Evaluate the new load balancer", [.notSpecific]),
        ("Think about capacity", [.notSpecific]),
        ("Monitoring improvements", [.notActionable, .notSpecific]),
        ("The database", [.notActionable, .notSpecific]),
        ("Database alerts for replication lag", [.notActionable]),
        ("Runbook for failover", [.notActionable, .notSpecific]),
        ("More tests for the checkout service", [.notActionable]),
        ("Postmortem follow-up on caching", [.notActionable]),
        ("Someone should own the DNS config", [.notActionable]),
        ("Alerts", [.notActionable, .notSpecific]),
        ("Fix it", [.notSpecific]),
        ("Add alerts", [.notSpecific]),
        ("Keep an eye on the replica lag dashboard", [.notBounded]),
        ("Make sure deploys never happen on Fridays", [.notBounded]),
        ("Ensure the cache is warmed before deploys", [.notBounded]),
        ("Monitor the error rate after each release", [.notBounded]),
        ("Be more careful with config changes in production", [.notBounded]),
        ("Continue to watch the queue depth every morning", [.notBounded]),
        ("Regularly test the backups of the orders database", [.notActionable, .notBounded]),
        ("Always run the migration in a transaction going forward", [.notActionable, .notBounded]),
        ("Watch the disk usage on the database hosts", [.notBounded]),
        ("", [.notActionable, .notSpecific]),
    ]

    @Test(arguments: good)
    func anActionableSpecificBoundedItemPasses(item: String) throws {
        let lint = try #require(Self.lint)
        #expect(lint.check(item).isEmpty, "\(item): \(lint.check(item))")
    }

    @Test(arguments: bad)
    func aVagueItemGetsItsSuggestions(item: String, findings: [ActionItemLint.Finding]) throws {
        let lint = try #require(Self.lint)
        #expect(lint.check(item) == findings, "\(item)")
    }

    @Test func withoutAVerbListOnlyTheOtherChecksRun() {
        var rules = Rules.ActionItems()
        rules.verbs = []
        #expect(ActionItemLint(rules: rules).check("Database alerts for replication lag").isEmpty)
        #expect(ActionItemLint(rules: rules).check("Investigate the database") == [.notSpecific])
    }
}
