extension String {
    /// The number of single-character insertions, deletions, substitutions and swaps of two
    /// neighbours that turn this string into `other` (optimal string alignment distance), for
    /// "did you mean" suggestions: a tired `stauts` is one step from `status`.
    public func editDistance(to other: String) -> Int {
        let source = Array(self)
        let target = Array(other)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        for i in source.indices {
            var current = [i + 1]
            for j in target.indices {
                let substitution = previous[j] + (source[i] == target[j] ? 0 : 1)
                var best = Swift.min(previous[j + 1] + 1, current[j] + 1, substitution)
                if i > 0, j > 0, source[i] == target[j - 1], source[i - 1] == target[j] {
                    best = Swift.min(best, beforePrevious[j - 1] + 1)
                }
                current.append(best)
            }
            beforePrevious = previous
            previous = current
        }
        return previous[target.count]
    }

    /// The entry of `candidates` this is most likely a typo of, if one is close enough.
    public func closest(in candidates: [String]) -> String? {
        let limit = Swift.max(2, count / 4)
        let ranked = candidates.map { (candidate: $0, distance: editDistance(to: $0)) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }
        return ranked?.candidate
    }
}
