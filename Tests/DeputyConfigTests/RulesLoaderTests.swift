import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// Reading valid rules files: what each key sets, and what leaving keys out keeps.
struct RulesLoaderTests {
    @Test func anEmptyFileKeepsEveryDefault() throws {
        #expect(try RulesLoader.load(yaml: "", file: RulesFixture.file) == Rules())
        #expect(try RulesLoader.load(yaml: "# nothing set\n", file: RulesFixture.file) == Rules())
    }

    @Test func aSectionWithEveryKeyCommentedOutKeepsItsDefaults() throws {
        let yaml = "objection:\n  # window: 3m\nrotation: {}\n"
        #expect(try RulesLoader.load(yaml: yaml, file: RulesFixture.file) == Rules())
    }

    @Test func pagesAreRaisedAfterFiveMinutesUnlessTheRulesSayOtherwise() throws {
        #expect(Rules().paging.ackWithin == .minutes(5))
        let later = try RulesLoader.load(yaml: "paging:\n  ack_within: 10m\n", file: RulesFixture.file)
        #expect(later.paging.ackWithin == .minutes(10))
        let never = try RulesLoader.load(yaml: "paging:\n  ack_within: off\n", file: RulesFixture.file)
        #expect(never.paging.ackWithin == nil)
        let error = try #require(throws: ConfigError.self) {
            try RulesLoader.load(yaml: "paging:\n  ack_within: 5\n", file: RulesFixture.file)
        }
        #expect(error.description.contains("has no unit"))
    }

    @Test func everyTimingCanBeSet() throws {
        let yaml = """
            ic_claim: {ask_at: [2m, 4m, 6m], declarer_at: 8m}
            objection: {window: 90s, undecided_reminder: 3m, stale_after: 10m}
            acknowledgement: {after: 4m, skip_timebox_up_to: 2m}
            follow_up: {escalate_after: 10m}
            stakeholder_updates: {default_cadence: 2h, phase_floor: 15m, at_phase_start: false}
            rotation: {after: 1h, list_every: 30m}
            postmortem: {owner_reminder_after: 2h, remind_at: "09:30"}
            late_after: 2m
            takeover_wait: 1m
            default_timebox: 10m
            """
        let rules = try RulesLoader.load(yaml: yaml, file: RulesFixture.file)
        #expect(rules.icClaim.askAt == [.minutes(2), .minutes(4), .minutes(6)])
        #expect(rules.icClaim.declarerAt == .minutes(8))
        #expect(rules.objection.window == .seconds(90))
        #expect(rules.objection.undecidedReminder == .minutes(3))
        #expect(rules.objection.staleAfter == .minutes(10))
        #expect(rules.acknowledgement.after == .minutes(4))
        #expect(rules.acknowledgement.skipTimeboxUpTo == .minutes(2))
        #expect(rules.followUp.escalateAfter == .minutes(10))
        #expect(rules.stakeholderUpdates.defaultCadence == .hours(2))
        #expect(rules.stakeholderUpdates.phaseFloor == .minutes(15))
        #expect(rules.stakeholderUpdates.atPhaseStart == false)
        #expect(rules.rotation.after == .hours(1))
        #expect(rules.rotation.listEvery == .minutes(30))
        #expect(rules.postmortem.ownerReminderAfter == .hours(2))
        #expect(rules.postmortem.remindAt == TimeOfDay(hour: 9, minute: 30))
        #expect(rules.lateAfter == .minutes(2))
        #expect(rules.takeoverWait == .minutes(1))
        #expect(rules.defaultTimebox == .minutes(10))
    }

    @Test func durationsReadLikeChat() throws {
        let yaml = "objection: {window: 1h30m, undecided_reminder: 45 sec, stale_after: 2 hours}\n"
        let rules = try RulesLoader.load(yaml: yaml, file: RulesFixture.file)
        #expect(rules.objection.window == .minutes(90))
        #expect(rules.objection.undecidedReminder == .seconds(45))
        #expect(rules.objection.staleAfter == .hours(2))
    }

    @Test(arguments: [
        "ic_claim", "objection", "acknowledgement", "follow_up", "stakeholder_updates", "rotation", "postmortem",
    ])
    func enabledFalseTurnsARuleOff(section: String) throws {
        let rules = try RulesLoader.load(yaml: "\(section):\n  enabled: false\n", file: RulesFixture.file)
        let switches = [
            "ic_claim": rules.icClaim.enabled, "objection": rules.objection.enabled,
            "acknowledgement": rules.acknowledgement.enabled, "follow_up": rules.followUp.enabled,
            "stakeholder_updates": rules.stakeholderUpdates.enabled, "rotation": rules.rotation.enabled,
            "postmortem": rules.postmortem.enabled,
        ]
        #expect(switches[section] == false)
        #expect(switches.values.filter { !$0 }.count == 1)
    }

    @Test(arguments: ["off", "~", "", "false", "never", "\"off\""])
    func escalationsCanBeSwitchedOff(value: String) throws {
        let yaml = "ic_claim:\n  declarer_at: \(value)\nfollow_up:\n  escalate_after: \(value)\n"
        let rules = try RulesLoader.load(yaml: yaml, file: RulesFixture.file)
        #expect(rules.icClaim.declarerAt == nil)
        #expect(rules.followUp.escalateAfter == nil)
    }

    @Test func theChannelNeedNotBeAskedAgain() throws {
        let rules = try RulesLoader.load(yaml: "ic_claim:\n  ask_at: []\n", file: RulesFixture.file)
        #expect(rules.icClaim.askAt.isEmpty)
        #expect(rules.icClaim.declarerAt == .minutes(9))
    }

    @Test func severityMapsReplaceTheDefaultMapAndAcceptEitherSpelling() throws {
        let yaml = """
            stakeholder_updates:
              cadence: {sev1: 15m, 2: 30m, SEV-3: 45m}
            postmortem:
              business_days: {1: 3, 2: 5, 3: 10}
            """
        let rules = try RulesLoader.load(yaml: yaml, file: RulesFixture.file)
        #expect(rules.stakeholderUpdates.cadence == [1: .minutes(15), 2: .minutes(30), 3: .minutes(45)])
        #expect(rules.postmortem.businessDays == [1: 3, 2: 5, 3: 10])

        let onlySev1 = try RulesLoader.load(yaml: "postmortem:\n  business_days: {1: 2}\n", file: RulesFixture.file)
        #expect(onlySev1.postmortem.businessDays == [1: 2])
    }

    @Test func prioritiesMapToSeveritiesAndTheRestKeepTheirNumber() throws {
        let rules = try RulesLoader.load(yaml: "priorities: {P2: 1, p3: sev2}\n", file: RulesFixture.file)
        #expect(rules.priorities[1] == Severity(level: 1))
        #expect(rules.priorities[2] == Severity(level: 1))
        #expect(rules.priorities[3] == Severity(level: 2))
        #expect(rules.priorities[5] == Severity(level: 5))
        #expect(Rules().priorities == Severity.standardPriorities)
    }

    @Test func theCalendarTakesAZoneDayNamesAndDates() throws {
        let yaml = """
            calendar:
              time_zone: Asia/Dubai
              weekend: [Friday, sat]
              holidays: [2026-12-25, "2027-01-01"]
            """
        let calendar = try RulesLoader.load(yaml: yaml, file: RulesFixture.file).calendar
        #expect(calendar.timeZone.identifier == "Asia/Dubai")
        #expect(calendar.weekend == [6, 7])
        #expect(
            calendar.holidays == [LocalDate(year: 2026, month: 12, day: 25), LocalDate(year: 2027, month: 1, day: 1)])
    }

    @Test func anUnquotedTimeOfDayIsStillATime() throws {
        // YAML 1.1 reads 10:30 as the number 630; the loader reads the text as written.
        let rules = try RulesLoader.load(yaml: "postmortem:\n  remind_at: 10:30\n", file: RulesFixture.file)
        #expect(rules.postmortem.remindAt == TimeOfDay(hour: 10, minute: 30))
    }

    @Test func overridesApplyPerSeverity() throws {
        let yaml = """
            overrides:
              sev1:
                default_timebox: 3m
                stakeholder_cadence: 15m
                rotation_after: 1h
                acknowledgement_after: 2m
                objection_window: 1m
                postmortem_business_days: 2
              sev3:
                postmortem_business_days: 10
            """
        let rules = try RulesLoader.load(yaml: yaml, file: RulesFixture.file)
        let sev1 = rules.effective(for: .highest)
        #expect(sev1.defaultTimebox == .minutes(3))
        #expect(sev1.stakeholderUpdates.cadence(for: .highest) == .minutes(15))
        #expect(sev1.rotation.after == .hours(1))
        #expect(sev1.acknowledgement.after == .minutes(2))
        #expect(sev1.objection.window == .minutes(1))
        #expect(sev1.postmortem.businessDays[1] == 2)
        let sev3 = try #require(Severity(level: 3))
        #expect(rules.effective(for: sev3).postmortem.businessDays[3] == 10)
        #expect(rules.effective(for: sev3).defaultTimebox == .minutes(5))
        #expect(rules.overrides.keys.sorted() == [1, 3])
    }

    @Test func anEmptyOverrideChangesNothing() throws {
        #expect(try RulesLoader.load(yaml: "overrides:\n  sev2: {}\n", file: RulesFixture.file) == Rules())
    }

    @Test func aRulesFileIsReadFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("deputy-rules-\(UUID()).yaml").path
        try "late_after: 3m\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try RulesLoader.load(path: path).lateAfter == .minutes(3))
    }
}
