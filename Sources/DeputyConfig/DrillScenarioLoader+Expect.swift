import DeputyCore
import Yams

extension DrillScenarioLoader {
    /// The keys a fact may have.
    static let factKeys = ["about", "when", "say"]

    /// The moves an expected move may name, one each.
    static let moveKeys = ["say", "handover", "release", "reassign", "update"]

    /// The facts in the list `entry`; the ones with problems left out (and reported).
    static func facts(_ entry: ConfigEntry, reader: ConfigReader) -> [DrillScenario.Fact] {
        let expected = "a list of facts, each starting with `- about:`"
        return items(entry, expected: expected, reader: reader).compactMap { item in
            guard let section = reader.section(item, known: factKeys) else { return nil }
            let before = reader.problems.count
            let about = required("about", in: section, item, "the words a task would mention", reader)
                .flatMap { words($0, reader: reader) }
            let when = section["when"].map { trigger($0, reader: reader) } ?? .assigned
            let finding = required("say", in: section, item, "what the owner of such a task finds", reader)
                .flatMap { self.text($0, expected: "what the owner of such a task finds", reader: reader) }
            guard reader.problems.count == before, let about, let when, let finding else { return nil }
            return DrillScenario.Fact(about: about, when: when, text: finding)
        }
    }

    /// `about`: words or phrases a task's words can match, lower-cased; nil (reported) when empty
    /// or when one could never match (a task's words are split at anything but letters and digits).
    private static func words(_ entry: ConfigEntry, reader: ConfigReader) -> [String]? {
        guard let items = reader.list(entry, expected: "a list of words or phrases, like [replica, lag]") else {
            return nil
        }
        guard !items.isEmpty else {
            reader.report(entry.path, "empty: name at least one word a task would mention", at: entry.value)
            return nil
        }
        var words: [String] = []
        for item in items {
            guard let text = reader.scalar(item, expected: "a word or a phrase") else { continue }
            let phrase = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard phrase.allSatisfy({ $0 == " " || $0.isLetter || $0.isNumber }), !phrase.isEmpty else {
                let spaced = phrase.split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
                let instead = spaced.isEmpty ? "" : " (write \"\(spaced)\")"
                reader.report(
                    item.path,
                    "\"\(text)\" never matches: a task's words are split at anything but letters and digits"
                        + instead, at: item.value)
                continue
            }
            words.append(phrase)
        }
        return words.count == items.count ? words : nil
    }

    /// `when`: assigned or lapsed; nil (reported) otherwise.
    private static func trigger(_ entry: ConfigEntry, reader: ConfigReader) -> DrillScenario.Fact.Trigger? {
        guard let text = reader.scalar(entry, expected: "assigned or lapsed") else { return nil }
        guard let trigger = DrillScenario.Fact.Trigger(rawValue: text.lowercased()) else {
            reader.report(
                entry.path,
                "\"\(text)\" is not when a fact is told (expected assigned: when the task is given, or lapsed: "
                    + "when its timebox lapses)", at: entry.value)
            return nil
        }
        return trigger
    }

    /// The expected moves in the list `entry`; the ones with problems left out (and reported).
    static func expected(
        _ entry: ConfigEntry, bounds: ScenarioBounds, reader: ConfigReader
    ) -> [DrillScenario.ExpectedMove] {
        let expected = "a list of moves, like `- say: severity`"
        return items(entry, expected: expected, reader: reader).compactMap { item in
            guard let section = reader.section(item, known: moveKeys + ["by"]) else { return nil }
            let before = reader.problems.count
            let by = section["by"].map { bounds.offset($0, reader: reader) }
            let moves = section.entries.filter { moveKeys.contains($0.key) }
            guard let first = moves.first else {
                reader.report(
                    item.path, "the move is missing: one of \(moveKeys.joined(separator: ", "))", at: item.value)
                return nil
            }
            for extra in moves.dropFirst() {
                reader.report(
                    extra.path, "one move per item; put \(extra.key) in an item of its own", at: extra.keyNode)
            }
            let move = self.move(first, bounds: bounds, reader: reader)
            guard reader.problems.count == before, let move, by != .some(nil) else { return nil }
            return DrillScenario.ExpectedMove(move, by: by ?? nil)
        }
    }

    /// The move `entry` names: `say: <situation>`, `reassign: <person>`, or `handover`, `release`
    /// or `update` set to true.
    private static func move(
        _ entry: ConfigEntry, bounds: ScenarioBounds, reader: ConfigReader
    ) -> DrillScenario.ExpectedMove.Move? {
        switch entry.key {
        case "say":
            return situation(entry, reader: reader).map { .say($0) }
        case "reassign":
            return bounds.person(entry, reader: reader).map { .reassign(person: $0) }
        default:
            var expected = false
            reader.flag(entry, into: &expected)
            guard expected else {
                if entry.value.bool == false {
                    reader.report(entry.path, "write `\(entry.key): true`, or leave the move out", at: entry.value)
                }
                return nil
            }
            return entry.key == "handover" ? .handover : entry.key == "release" ? .release : .update
        }
    }

    /// `say`: one of the situations `/ic say` answers; nil (reported) otherwise.
    private static func situation(_ entry: ConfigEntry, reader: ConfigReader) -> Command.Situation? {
        let names = Command.Situation.allCases.map(\.rawValue)
        guard let text = reader.scalar(entry, expected: "one of \(names.joined(separator: ", "))") else { return nil }
        guard let situation = Command.Situation(rawValue: text.lowercased()) else {
            let suggestion = text.lowercased().closest(in: names).map { "did you mean \($0)? " } ?? ""
            reader.report(
                entry.path,
                "\"\(text)\" is not a situation /ic say answers (\(suggestion)expected one of: "
                    + "\(names.joined(separator: ", ")))", at: entry.value)
            return nil
        }
        return situation
    }
}
