import DeputyConfig
import DeputyCore
import DeputyDaemon
import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// The postmortem draft of the scripted incident, exact, and from a real store through
/// `deputy export --format postmortem`.
@Suite("The postmortem draft")
struct PostmortemDraftTests {
    let utc = TimeZone(identifier: "UTC") ?? .current

    /// The checkout incident with a todo, a summary, two action items (one done) and an owner.
    static let script: [ScriptedIncident.Step] =
        ScriptedIncident.checkout + [
            (36, Fixtures.alice, "todo ask support how many customers wrote in"),
            (37, Fixtures.alice, "summary A config push set a 1 s payment timeout; card payments failed"),
            (38, Fixtures.alice, "action Add a config check for payment timeouts below 5 s to the deploy pipeline"),
            (39, Fixtures.hayley, "action Document the config rollback in the payments runbook"),
            (40, Fixtures.hayley, "action done #2"),
            (41, Fixtures.alice, "postmortem @hayley"),
        ]

    func draft() throws -> String {
        let (desk, records) = ScriptedIncident.play(Self.script)
        let incident = try #require(desk.incidents[IncidentID(1)])
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let now = Fixtures.start.addingTimeInterval(7200)
        let markdown = PostmortemDraft(incident: incident, records: records, now: now)
            .markdown(phrasebook: phrasebook, timeZone: utc)
        // As the desk completes it: folded again from the log the store keeps.
        let folded = PostmortemDraft(id: incident.id, channel: incident.channel, records: records, now: now)
        #expect(folded.markdown(phrasebook: phrasebook, timeZone: utc) == markdown)
        return markdown
    }

    @Test("the scripted incident's draft, exactly")
    func golden() throws {
        let markdown = try draft()
        if markdown != Self.expected { print(markdown) }
        #expect(markdown == Self.expected)
    }

    @Test("export --format postmortem reads the draft from a real store")
    func exportFromStore() async throws {
        let folder = try TemporaryFolder()
        let (desk, records) = ScriptedIncident.play(Self.script)
        let incident = try #require(desk.incidents[IncidentID(1)])
        let path = folder.file("deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        let at = Fixtures.start.addingTimeInterval(42 * 60)
        try store.commit([
            Commit(
                at: at, opening: Commit.Opening(incident),
                append: Commit.Append(records, to: incident, rules: desk.rules))
        ])
        _ = desk.nextDeadline()
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let reports = IncidentReports(
            store: SQLiteStore(try DeputyStore.openForReading(path: path)), rules: Rules(), phrasebook: phrasebook)
        let markdown = try await reports.export(
            "INC-1", format: .postmortem, now: Fixtures.start.addingTimeInterval(7200))
        #expect(markdown == Self.expected)
        await #expect(throws: IncidentReports.Problem.unknownIncident(IncidentID(9))) {
            try await reports.export("INC-9", format: .postmortem, now: at)
        }
    }

    static let expected = """
        # Postmortem draft: INC-1 · SEV-2 · card payments failing

        Deputy wrote this draft from the incident log. Fill in the prompts together with everyone who was on the response. Postmortems are blameless: ask what happened and how, not who.

        ## Summary

        A config push set a 1 s payment timeout; card payments failed
        > What happened, in two or three sentences someone outside the team could follow?

        ## Impact

        - What customers saw, as recorded during the incident: card payments fail for some customers
        - Impact began at 2026-11-29 02:50 UTC, 10 minutes before the incident was declared.
        - From declaration to resolve: 36 minutes. How long was the impact visible in all?
        - Severity: SEV-2. How severely was each function affected?
        - How many customers were affected, and what share of all customers? Support may need the list to reach out one by one.
        - How many customers wrote to or called support about it?
        - What functionality was affected, and how badly?
        - Which business metric shows the impact (orders, sign-ins, revenue)?

        ## Timeline

        - Impact start to declare: 10 minutes (impact since 2026-11-29 02:50 UTC)
        - Time to incident commander: 2 minutes
        - Time to first stakeholder update: 12 minutes
        - Time in mobilize: 20 minutes
        - Time in resolve: 6 minutes
        - Total duration: 36 minutes
        - Responders: 4
          - alice: on the response for 36 minutes
          - tatiana: on the response for 33 minutes
          - hayley: on the response for 32 minutes
          - camden: on the response for 30 minutes

        | Time | Since declared | What happened |
        | --- | --- | --- |
        | 2026-11-29 03:00 UTC | 0 seconds | alice declared the incident as a SEV-2: card payments failing |
        | 2026-11-29 03:00 UTC | 0 seconds | alice joined the response. |
        | 2026-11-29 03:02 UTC | 2 minutes | alice took command as incident commander. |
        | 2026-11-29 03:03 UTC | 3 minutes | tatiana joined the response. |
        | 2026-11-29 03:03 UTC | 3 minutes | tatiana became the deputy. |
        | 2026-11-29 03:04 UTC | 4 minutes | hayley joined the response. |
        | 2026-11-29 03:04 UTC | 4 minutes | alice assigned T1 to hayley, timebox 10 minutes: check the payment API error rate |
        | 2026-11-29 03:05 UTC | 5 minutes | hayley acknowledged T1. |
        | 2026-11-29 03:06 UTC | 6 minutes | camden joined the response. |
        | 2026-11-29 03:06 UTC | 6 minutes | alice assigned T2 to camden, timebox 5 minutes: look at the database |
        | 2026-11-29 03:08 UTC | 8 minutes | alice noted: error graph <https://grafana.example/d/pay?from=now-1h> |
        | 2026-11-29 03:09 UTC | 9 minutes | alice recorded the customer impact, since 2026-11-29 02:50 UTC: card payments fail for some customers |
        | 2026-11-29 03:10 UTC | 10 minutes | alice started the mobilize phase. |
        | 2026-11-29 03:11 UTC | 11 minutes | The timebox of T2 lapsed and Deputy asked camden for news; no answer came. |
        | 2026-11-29 03:12 UTC | 12 minutes | tatiana sent a stakeholder update: Card payments are failing for some customers; we are investigating. |
        | 2026-11-29 03:15 UTC | 15 minutes | hayley reported on T1: errors started with the 02:45 config push |
        | 2026-11-29 03:16 UTC | 16 minutes | Deputy told the leads that camden had not answered about T2; no answer came. |
        | 2026-11-29 03:20 UTC | 20 minutes | hayley finished T1: rolled back the config |
        | 2026-11-29 03:25 UTC | 25 minutes | alice proposed P1: fail over the database to the replica |
        | 2026-11-29 03:27 UTC | 27 minutes | No objection came within the window, so P1 went ahead: fail over the database to the replica |
        | 2026-11-29 03:30 UTC | 30 minutes | alice started the resolve phase. |
        | 2026-11-29 03:32 UTC | 32 minutes | A stakeholder update fell due; none went out before the next reminder. |
        | 2026-11-29 03:35 UTC | 36 minutes | alice resolved the incident. |
        | 2026-11-29 03:37 UTC | 37 minutes | alice set the current understanding: A config push set a 1 s payment timeout; card payments failed |
        | 2026-11-29 03:41 UTC | 41 minutes | alice named hayley owner of the postmortem. |

        ## How the response ran

        - Practice score: 83 out of 100.
        - Time to a commander: 2 minutes (target: 5 minutes).
        - Tasks given to one person with a timebox: 2 of 2.
        - Tasks acknowledged within 3 minutes: 1 of 2.
        - Follow-ups answered within the timebox plus 5 minutes: 1 of 2.
        - Proposals decided within the objection window plus 2 minutes: 1 of 1.
        - Stakeholder updates on cadence (every 30 minutes): 1 of 1.
        - Not scored, with nothing to measure: rotation, severity arguments, expected moves.
        - To practise next:
        - Come back to every owner when their timebox lapses: 1 of 2 follow-ups went unanswered past the timebox plus 5 minutes.

        ## Contributing factors

        - What conditions made this possible, and how did the system allow it?
        - How did the design decisions involved look when they were made? What made them the best choice at the time?
        - What did responders know at each point, and how did it shape what they did? Work the timeline forward, not back from the resolution.
        - How was the problem detected, and what would have shown it sooner?
        - There is more than one contributing factor. A person's action is never one; a reasonable person in the same seat could have made the same choice.

        ## Action items

        - [ ] #1 Add a config check for payment timeouts below 5 s to the deploy pipeline
        - [x] #2 Document the config rollback in the payments runbook

        Candidates from the follow-up items (make each a ticket, or drop it):

        - T2 look at the database (open at resolve)
        - ask support how many customers wrote in

        ## External message

        > A short, sanitized summary for customers: what they saw, from when to when, and what we are changing.
        > Say “service disruption” rather than “outage”, leave out internal words, acronyms and blame. /ic update draft <text> checks a sentence.

        """
}
