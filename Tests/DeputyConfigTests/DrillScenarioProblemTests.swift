import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// Broken drill scenarios: every problem in a file is reported at once, each at its line and
/// column with its key. `DrillFixture.header` takes lines 1 to 6, so the YAML below starts at 7.
struct DrillScenarioProblemTests {
    @Test func unknownKeysAndWrongTypesAreReportedTogether() {
        let yaml = """
            inject:
              - at: 2m
            colour: blue
            facts: the replica lags
            expect: {say: severity}
            """
        #expect(
            DrillFixture.problems(after: yaml) == [
                "7:1: inject: unknown key (did you mean injects?)",
                "9:1: colour: unknown key (expected one of: title, severity, briefing, ends_after, people, injects, "
                    + "facts, expect)",
                "10:8: facts: expected a list of facts, each starting with `- about:`, found \"the replica lags\"",
                "11:9: expect: expected a list of moves, like `- say: severity`, found a mapping",
            ])
    }

    @Test func theTitleMustBeGivenAndNotBlank() {
        #expect(DrillFixture.problems(in: "severity: 2\n") == ["1:1: title: is missing: the drill incident's title"])
        #expect(
            DrillFixture.problems(in: "title: \" \"\n") == ["1:8: title: is empty: expected the drill incident's title"]
        )
        #expect(
            DrillFixture.problems(in: "- title\n") == ["1:1: expected a mapping of `key: value` lines, found a list"])
    }

    @Test(arguments: ["0", "6", "sev0", "high"])
    func aSeverityIsOneToFive(value: String) {
        #expect(
            DrillFixture.problems(in: "title: t\nseverity: \(value)\n")
                == ["2:11: severity: \"\(value)\" is not a severity (use 1 to 5, or sev1 to sev5)"])
    }

    @Test func durationsAreWrittenAsInTheRulesFile() {
        #expect(
            DrillFixture.problems(in: "title: t\nends_after: 45\n")
                == ["2:13: ends_after: \"45\" has no unit (write 45m for minutes, 45s for seconds)"])
        #expect(
            DrillFixture.problems(after: "injects:\n  - {at: soon, alert: disk full}\n")
                == ["8:10: injects[1].at: \"soon\" is not a duration (try 5m, 90s, 1h30m)"])
    }

    @Test func peopleNeedAMentionableNameAndARoleAndAreListedOnce() {
        let yaml = """
            title: t
            people:
              - name: "@dana"
                role: database on-call
              - name: sam
              - {name: lee, role: support, timezone: UTC}
              - {name: sam, role: support}
            """
        #expect(
            DrillFixture.problems(in: yaml) == [
                "3:11: people[1].name: \"@dana\" is not a name people can mention: lower-case letters, digits, ., _ "
                    + "and - (leave out the @)",
                "5:5: people[2]: role is missing: who they are, like database on-call",
                "6:32: people[3].timezone: unknown key (expected one of: name, role, silent_from)",
                "7:12: people[4].name: sam is already people[2]; each person is listed once",
            ])
    }

    @Test func anInjectSaysSomethingOrFiresAnAlertNeverBothOrNeither() {
        let yaml = """
            injects:
              - at: 1m
                from: exec
                say: Ignore the IC!
                alert: checkout slow
              - at: 2m
                from: exec
            """
        #expect(
            DrillFixture.problems(after: yaml) == [
                "11:5: injects[1]: an inject either says something or fires an alert; split it in two",
                "12:5: injects[2]: say or alert is missing: what someone says, or the summary of an alert that fires",
            ])
    }

    @Test func aMessageComesFromSomeoneInPeopleWhoIsNotSilentYet() {
        let yaml = """
            injects:
              - {at: 1m, from: vp, say: Hurry up}
              - {at: 2m, say: Hello}
              - {at: 25m, from: dana, say: Back again}
              - {at: 3m, from: exec, say: Hi, firing: true}
            """
        #expect(
            DrillFixture.problems(after: yaml) == [
                "8:20: injects[1].from: \"vp\" is not one of people (expected one of: dana, exec)",
                "9:5: injects[2]: from is missing: who says it, one of people",
                "10:21: injects[3].from: dana is silent from 20m (silent_from), so says nothing at 25m",
                "11:35: injects[4].firing: only an alert has a firing; this inject says something",
            ])
    }

    @Test func anAlertComesFromNoOneAndResolvesWithFiringFalse() {
        let yaml = """
            injects:
              - {at: 1m, alert: disk full, from: exec}
              - {at: 2m, alert: disk full, firing: maybe}
              - {at: 3m, alert: "", fingerprint: disk}
            """
        #expect(
            DrillFixture.problems(after: yaml) == [
                "8:32: injects[1].from: an alert comes from monitoring, not from a person; leave from out",
                "9:40: injects[2].firing: expected true or false, found \"maybe\"",
                "10:21: injects[3].alert: is empty: expected the alert's summary, like checkout p99 above 2 s",
            ])
    }

    @Test func nothingHappensAfterTheDrillEnds() {
        let yaml = """
            title: t
            ends_after: 45m
            people:
              - {name: dana, role: database on-call, silent_from: 50m}
            injects:
              - {at: 46m, alert: disk full}
              - {at: 45m, alert: disk still full}
            expect:
              - {update: true, by: 1h}
            """
        #expect(
            DrillFixture.problems(in: yaml) == [
                "4:55: people[1].silent_from: \"50m\" comes after ends_after (45m), when the drill is over",
                "6:10: injects[1].at: \"46m\" comes after ends_after (45m), when the drill is over",
                "9:24: expect[1].by: \"1h\" comes after ends_after (45m), when the drill is over",
            ])
    }

    @Test func aFactIsAboutWordsATaskCanMentionAndToldWhenAssignedOrLapsed() {
        let yaml = """
            facts:
              - {about: [], say: the replica lags}
              - {about: [read-replica], say: the replica lags}
              - {about: [lag], when: later, say: the replica lags}
              - {about: [lag]}
              - about: replica
                say: the replica lags
            """
        #expect(
            DrillFixture.problems(after: yaml) == [
                "8:13: facts[1].about: empty: name at least one word a task would mention",
                "9:14: facts[2].about: \"read-replica\" never matches: a task's words are split at anything but "
                    + "letters and digits (write \"read replica\")",
                "10:26: facts[3].when: \"later\" is not when a fact is told (expected assigned: when the task is "
                    + "given, or lapsed: when its timebox lapses)",
                "11:5: facts[4]: say is missing: what the owner of such a task finds",
                "12:12: facts[5].about: expected a list of words or phrases, like [replica, lag], found \"replica\"",
            ])
    }

    @Test func anExpectedMoveIsOneKnownMoveAboutSomeoneInPeople() {
        let yaml = """
            expect:
              - say: sevrity
              - reassign: sam
              - handover: false
              - {by: 5m}
              - {say: crowd, release: true}
              - {update: true, deadline: 5m}
            """
        #expect(
            DrillFixture.problems(after: yaml) == [
                "8:10: expect[1].say: \"sevrity\" is not a situation /ic say answers (did you mean severity? expected "
                    + "one of: takeover, concerns, hurry, spreadsheet, severity, crowd, belligerent, handoff)",
                "9:15: expect[2].reassign: \"sam\" is not one of people (expected one of: dana, exec)",
                "10:15: expect[3].handover: write `handover: true`, or leave the move out",
                "11:5: expect[4]: the move is missing: one of say, handover, release, reassign, update",
                "12:18: expect[5].release: one move per item; put release in an item of its own",
                "13:20: expect[6].deadline: unknown key (expected one of: say, handover, release, reassign, update, by)",
            ])
    }

    @Test func aScenarioWithoutPeopleCanNameNoOne() {
        #expect(
            DrillFixture.problems(in: "title: t\nexpect:\n  - reassign: dana\n")
                == ["3:15: expect[1].reassign: \"dana\" is not one of people (people lists no one)"])
    }
}
