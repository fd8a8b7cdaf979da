import DeputyCore
import Foundation

extension RulesLoader {
    /// The most business days a postmortem SLA may allow: about a working year.
    static let businessDayRange = 1...250

    /// Every key of `Config/rules.yaml` and where it goes in `Rules`.
    static var schema: [Setting<Rules>] {
        [
            .section(
                "ic_claim",
                [
                    .flag("enabled", \.icClaim.enabled),
                    .durations("ask_at", \.icClaim.askAt),
                    .durationOrOff("declarer_at", \.icClaim.declarerAt),
                    .durationOrOff("repeat_every", \.icClaim.repeatEvery),
                ], check: declarerComesLast),
            .section(
                "objection",
                [
                    .flag("enabled", \.objection.enabled),
                    .duration("window", \.objection.window),
                    .duration("undecided_reminder", \.objection.undecidedReminder),
                    .duration("stale_after", \.objection.staleAfter),
                    .durationOrOff("late_window", \.objection.lateWindow),
                ]),
            .section(
                "acknowledgement",
                [
                    .flag("enabled", \.acknowledgement.enabled),
                    .duration("after", \.acknowledgement.after),
                    .duration("skip_timebox_up_to", \.acknowledgement.skipTimeboxUpTo),
                ]),
            .section(
                "follow_up",
                [
                    .flag("enabled", \.followUp.enabled),
                    .durationOrOff("escalate_after", \.followUp.escalateAfter),
                ]),
            .section(
                "stakeholder_updates",
                [
                    .flag("enabled", \.stakeholderUpdates.enabled),
                    .durationBySeverity("cadence", \.stakeholderUpdates.cadence),
                    .duration("default_cadence", \.stakeholderUpdates.defaultCadence),
                    .duration("phase_floor", \.stakeholderUpdates.phaseFloor),
                    .flag("at_phase_start", \.stakeholderUpdates.atPhaseStart),
                    .flag("escalate_missed", \.stakeholderUpdates.escalateMissed),
                ]),
            .section(
                "rotation",
                [
                    .flag("enabled", \.rotation.enabled),
                    .duration("after", \.rotation.after),
                    .duration("list_every", \.rotation.listEvery),
                ]),
            .section(
                "postmortem",
                [
                    .flag("enabled", \.postmortem.enabled),
                    .duration("owner_reminder_after", \.postmortem.ownerReminderAfter),
                    .countBySeverity(
                        "business_days", \.postmortem.businessDays, in: businessDayRange, unit: "business days"),
                    .timeOfDay("remind_at", \.postmortem.remindAt),
                ]),
            .section(
                "calendar",
                [
                    .timeZone("time_zone", \.calendar.timeZone),
                    .weekdays("weekend", \.calendar.weekend),
                    .dates("holidays", \.calendar.holidays),
                ]),
            .duration("late_after", \.lateAfter),
            .duration("takeover_wait", \.takeoverWait),
            .durationOrOff("commander_silence", \.commanderSilence),
            .durationOrOff("handover_chase_after", \.handoverChaseAfter),
            .duration("default_timebox", \.defaultTimebox),
            .section("paging", [.durationOrOff("ack_within", \.paging.ackWithin)]),
            .severityByPriority("priorities", \.priorities),
            .section(
                "action_items",
                [
                    .wordFile("verbs", \.actionItems.verbs),
                    .words("extra_verbs", \.actionItems.extraVerbs),
                    .words("open_ended", \.actionItems.openEnded),
                    .phrases("ongoing", \.actionItems.ongoing),
                    .count("minimum_words", \.actionItems.minimumWords, in: 1...50, unit: "words"),
                ]),
            .section(
                "wording",
                [
                    .phrases("blame", \.wording.blame),
                    .phrases("questions", \.wording.questions),
                    .phrases("person_as_cause", \.wording.personAsCause),
                    .replacements("rewrites", \.wording.rewrites),
                    .replacements("customer_instead", \.wording.customerInstead),
                    .words("jargon", \.wording.jargon),
                    .words("allowed_acronyms", \.wording.allowedAcronyms),
                ]),
            practiceScore,
            overrides,
        ]
    }

    /// What one severity may override, under `overrides.sevN`.
    static var overrideSchema: [Setting<Rules.Override>] {
        [
            .durationIfGiven("default_timebox", \.defaultTimebox),
            .durationIfGiven("stakeholder_cadence", \.stakeholderCadence),
            .durationIfGiven("rotation_after", \.rotationAfter),
            .durationIfGiven("acknowledgement_after", \.acknowledgementAfter),
            .durationIfGiven("objection_window", \.objectionWindow),
            .countIfGiven(
                "postmortem_business_days", \.postmortemBusinessDays, in: businessDayRange, unit: "business days"),
        ]
    }

    /// `overrides`: a mapping from `sev1` … `sev5` to the settings that differ at that severity.
    static var overrides: Setting<Rules> {
        let settings = overrideSchema
        return Setting(key: "overrides", subkeys: settings.map { "sevN.\($0.key)" }) { reader, entry, rules in
            guard let section = reader.section(entry, known: nil) else { return }
            for level in section.entries {
                guard let severity = Severity(parsing: level.key) else {
                    reader.report(level.path, "unknown key (expected sev1 to sev5)", at: level.keyNode)
                    continue
                }
                guard let changes = reader.section(level, known: settings.map(\.key)) else { continue }
                var override = rules.overrides[severity.level] ?? Rules.Override()
                reader.apply(settings, from: changes, to: &override)
                if override != Rules.Override() { rules.overrides[severity.level] = override }
            }
        }
    }

    /// The declarer is asked only after the channel has been: `declarer_at` after every `ask_at`.
    private static func declarerComesLast(_ rules: Rules) -> String? {
        guard let declarerAt = rules.icClaim.declarerAt, let lastAsk = rules.icClaim.askAt.last,
            declarerAt <= lastAsk
        else { return nil }
        return "declarer_at must come after the last of ask_at"
    }
}
