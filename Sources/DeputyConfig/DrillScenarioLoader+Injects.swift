import DeputyCore
import Foundation
import Yams

extension DrillScenarioLoader {
    /// The keys an inject may have.
    static let injectKeys = ["at", "from", "say", "alert", "fingerprint", "firing"]

    /// The longest fingerprint made from an alert's summary.
    static let fingerprintLimit = 64

    /// The injects in the list `entry`; the ones with problems left out (and reported).
    static func injects(_ entry: ConfigEntry, bounds: ScenarioBounds, reader: ConfigReader) -> [DrillScenario.Inject] {
        let expected = "a list of injects, each starting with `- at:`"
        return items(entry, expected: expected, reader: reader).compactMap { item in
            guard let section = reader.section(item, known: injectKeys) else { return nil }
            let before = reader.problems.count
            let at = required("at", in: section, item, "how long after the start it happens, like 5m", reader)
                .flatMap { bounds.offset($0, reader: reader) }
            let kind: DrillScenario.Inject.Kind?
            switch (section["say"], section["alert"]) {
            case (.some(let say), nil):
                kind = message(say, in: section, item, at: at, bounds: bounds, reader: reader)
            case (nil, .some(let alert)):
                kind = self.alert(alert, in: section, reader: reader)
            case (.some, .some(let alert)):
                reader.report(
                    item.path, "an inject either says something or fires an alert; split it in two", at: alert.keyNode)
                kind = nil
            case (nil, nil):
                reader.report(
                    item.path, "say or alert is missing: what someone says, or the summary of an alert that fires",
                    at: item.value)
                kind = nil
            }
            guard reader.problems.count == before, let at, let kind else { return nil }
            return DrillScenario.Inject(at: at, kind)
        }
    }

    /// A message inject: `say` from `from`, who must be one of people and not yet silent.
    private static func message(
        _ say: ConfigEntry, in section: ConfigSection, _ item: ConfigEntry, at: Span?, bounds: ScenarioBounds,
        reader: ConfigReader
    ) -> DrillScenario.Inject.Kind? {
        for key in ["fingerprint", "firing"] {
            if let extra = section[key] {
                reader.report(extra.path, "only an alert has a \(key); this inject says something", at: extra.keyNode)
            }
        }
        let line = text(say, expected: "what they say", reader: reader)
        let from = required("from", in: section, item, "who says it, one of people", reader)
        guard let from, let person = bounds.person(from, reader: reader) else { return nil }
        if let at, let silent = bounds.people[person], let silentFrom = silent.silentFrom, at >= silentFrom {
            reader.report(
                from.path,
                "\(person) is silent from \(silent.text) (silent_from), so says nothing at "
                    + "\(section["at"]?.value.scalar?.string ?? "that time")", at: from.value)
            return nil
        }
        return line.map { .message(from: person, text: $0) }
    }

    /// An alert inject: `alert` is its summary, `fingerprint` ties firing to resolving (default: the
    /// summary as a slug), `firing: false` resolves it.
    private static func alert(
        _ alert: ConfigEntry, in section: ConfigSection, reader: ConfigReader
    ) -> DrillScenario.Inject.Kind? {
        if let from = section["from"] {
            reader.report(
                from.path, "an alert comes from monitoring, not from a person; leave from out", at: from.keyNode)
        }
        let summary = text(alert, expected: "the alert's summary, like checkout p99 above 2 s", reader: reader)
        var fingerprint = summary.map(slug)
        if let entry = section["fingerprint"] {
            fingerprint = text(entry, expected: "a name for the alert, like checkout-latency", reader: reader)
        }
        var firing = true
        if let entry = section["firing"] { reader.flag(entry, into: &firing) }
        guard let summary, let fingerprint else { return nil }
        return .alert(summary: summary, fingerprint: fingerprint, firing: firing)
    }

    /// `summary` as a fingerprint: lower-case letters and digits, each other run one hyphen.
    static func slug(_ summary: String) -> String {
        RoomName.make(pattern: "{slug}", number: 0, title: summary, severity: "", limit: fingerprintLimit)
    }
}
