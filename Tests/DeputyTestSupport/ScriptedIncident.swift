import DeputyCore
import Foundation

/// A scripted incident for the timeline tests: commands at chosen minutes after
/// `Fixtures.start`, with every timer firing on the way, as the scheduler would fire them.
public enum ScriptedIncident {
    /// One step: minutes after the start, who, and what they typed after `/ic`.
    public typealias Step = (minutes: Double, user: User, text: String)

    /// Checkout errors, SEV-2: a claimed command, an acknowledged task whose follow-up is
    /// answered, a task whose owner never answers, a note with a link, impact since 02:50, two
    /// phases, a proposal decided by silence, and a resolve.
    public static let checkout: [Step] = [
        (0, Fixtures.alice, "declare card payments failing sev2"),
        (2, Fixtures.alice, "lead"),
        (3, Fixtures.alice, "role deputy @tatiana"),
        (4, Fixtures.alice, "assign @hayley check the payment API error rate in 10m"),
        (5, Fixtures.hayley, "ack"),
        (6, Fixtures.alice, "assign @camden look at the database in 5m"),
        (8, Fixtures.alice, "note error graph https://grafana.example/d/pay?from=now-1h"),
        (9, Fixtures.alice, "impact card payments fail for some customers since 02:50"),
        (10, Fixtures.alice, "phase mobilize"),
        (12, Fixtures.tatiana, "update Card payments are failing for some customers; we are investigating."),
        (15, Fixtures.hayley, "found T1 errors started with the 02:45 config push"),
        (20, Fixtures.hayley, "done T1 rolled back the config"),
        (25, Fixtures.alice, "propose fail over the database to the replica"),
        (30, Fixtures.alice, "phase resolve"),
        (35, Fixtures.alice, "resolve"),
        (35.5, Fixtures.alice, "resolve confirm"),
    ]

    /// Plays `script` on a fresh desk: returns the desk and every record, commands' and timers'.
    public static func play(_ script: [Step], rules: Rules = Rules()) -> (desk: Desk, records: [IncidentRecord]) {
        let (desk, outcomes) = outcomes(of: script, rules: rules)
        return (desk, outcomes.flatMap(\.records))
    }

    /// Plays `script` on a fresh desk: returns the desk and every outcome, commands' and
    /// timers', in the order they came.
    public static func outcomes(of script: [Step], rules: Rules = Rules()) -> (desk: Desk, outcomes: [Outcome]) {
        var desk = Desk(rules: rules)
        var outcomes: [Outcome] = []
        for step in script {
            let now = Fixtures.start.addingTimeInterval(step.minutes * 60)
            while let next = desk.nextDeadline(), next <= now {
                let fired = desk.due(at: next)
                outcomes += fired.map(\.1)
                if fired.isEmpty { break }
            }
            outcomes.append(desk.handle(text: step.text, by: step.user, in: Fixtures.channel, at: now).outcome)
        }
        return (desk, outcomes)
    }
}
