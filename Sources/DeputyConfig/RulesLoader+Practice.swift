import DeputyCore

extension RulesLoader {
    /// The range of one measure's weight in the practice score; 0 leaves the measure out.
    static let weightRange = 0...100

    /// `practice_score`: the score's own targets and each measure's weight.
    static var practiceScore: Setting<Rules> {
        .section(
            "practice_score",
            [
                .duration("commander_within", \.practice.commanderWithin),
                .duration("decision_grace", \.practice.decisionGrace),
                .duration("update_grace", \.practice.updateGrace),
                .duration("rotate_within", \.practice.rotateWithin),
                practiceWeights,
            ])
    }

    /// `practice_score.weights`: a mapping from a measure (`time_to_commander`, `updates`) to its
    /// weight; a measure left out keeps its default. Nothing changes if any entry is wrong, or if
    /// every weight would be 0 (nothing would be scored).
    private static var practiceWeights: Setting<Rules> {
        let kinds = PracticeMeasure.Kind.allCases.map(\.rawValue)
        return Setting(key: "weights", subkeys: kinds) { reader, entry, rules in
            guard let section = reader.section(entry, known: kinds) else { return }
            var weights = rules.practice.weights
            var valid = true
            for item in section.entries {
                guard let kind = PracticeMeasure.Kind(rawValue: item.key),
                    let weight = reader.count(item, in: weightRange, unit: "points")
                else {
                    valid = false
                    continue
                }
                weights[kind] = weight
            }
            guard valid else { return }
            guard weights.values.contains(where: { $0 > 0 }) else {
                reader.report(entry.path, "every weight is 0, so nothing would be scored", at: entry.keyNode)
                return
            }
            rules.practice.weights = weights
        }
    }
}
