extension String {
    /// The number of single-character insertions, deletions and substitutions that turn this
    /// string into `other` (Levenshtein distance), for "did you mean" suggestions.
    func editDistance(to other: String) -> Int {
        let source = Array(self)
        let target = Array(other)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var previous = Array(0...target.count)
        for (i, char) in source.enumerated() {
            var current = [i + 1]
            for (j, otherChar) in target.enumerated() {
                let substitution = previous[j] + (char == otherChar ? 0 : 1)
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, substitution))
            }
            previous = current
        }
        return previous[target.count]
    }

    /// The entry of `candidates` this is most likely a typo of, if one is close enough.
    func closest(in candidates: [String]) -> String? {
        let limit = Swift.max(2, count / 4)
        let ranked = candidates.map { (candidate: $0, distance: editDistance(to: $0)) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }
        return ranked?.candidate
    }
}
