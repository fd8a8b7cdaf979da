import DeputyCore
import Foundation

extension ScriptedDesk {
    /// The second channel the practice run uses.
    public static let otherChannel = ChannelKey(platform: "test", team: "T1", channel: "C2")

    /// Minutes in a day, for steps days apart.
    public static let day = 24.0 * 60

    /// Four incidents over eleven days, for the practice report: INC-1 the scripted checkout
    /// incident in C1 (resolved after 35 minutes); INC-2 in C2, closed as a false alarm two minutes
    /// after its declare; INC-3 a drill in C1 ten days later, whose commander came seven minutes
    /// in and whose one task was acknowledged and done; INC-4 in C2 on day eleven, still active.
    public static func practiceRun(rules: Rules = Rules()) -> ScriptedDesk {
        var run = ScriptedDesk(rules: rules)
        for step in ScriptedIncident.checkout { run.say(step.text, by: step.user, at: step.minutes) }
        run.say("declare db down", by: Fixtures.camden, in: otherChannel, at: 60)
        run.say("lead", by: Fixtures.camden, in: otherChannel, at: 61)
        run.say("resolve false-alarm", by: Fixtures.camden, in: otherChannel, at: 62)
        let drill = 10 * day
        run.say("declare failover practice sev3 drill", by: Fixtures.alice, at: drill)
        run.say("lead", by: Fixtures.hayley, at: drill + 7)
        run.say("assign @camden fail over the database in 10m", by: Fixtures.hayley, at: drill + 8)
        run.say("ack", by: Fixtures.camden, at: drill + 9)
        run.say("done T1 failed over", by: Fixtures.camden, at: drill + 15)
        run.say("resolve", by: Fixtures.hayley, at: drill + 20)
        run.say("resolve confirm", by: Fixtures.hayley, at: drill + 20.5)
        run.say("declare queue backlog", by: Fixtures.camden, in: otherChannel, at: 11 * day)
        return run
    }
}
