import Yams

extension Node {
    /// Whether this is a plain empty value (`key:`, `~`, `null`), as opposed to quoted `""`.
    var isEmptyValue: Bool {
        null != nil
    }

    /// Whether this value switches a setting off: `off`, `false`, `never`, `none` or empty.
    var isOff: Bool {
        if isEmptyValue || bool == false { return true }
        guard let word = scalar?.string.lowercased() else { return false }
        return ["off", "never", "none"].contains(word)
    }

    /// What this node is, in words for a problem: "a list", "a mapping", `"5 mins"`, "nothing".
    var kind: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar): return isEmptyValue ? "nothing" : "\"\(scalar.string)\""
        }
    }
}
