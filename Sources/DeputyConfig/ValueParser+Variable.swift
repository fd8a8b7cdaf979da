extension ValueParser {
    /// The name of an environment variable that holds a secret: capital letters, digits and `_`,
    /// not starting with a digit, and not ending in `_FILE` (Deputy reads `NAME_FILE` by itself).
    /// `example` shows a good name. The text is never repeated, in case it is the secret itself.
    static func variableName(_ text: String, example: String) throws(InvalidValue) -> String {
        if looksLikeSecret(text) {
            throw InvalidValue(
                "this looks like the secret itself, which never goes in this file (it may be committed or "
                    + "shared); write the NAME of the environment variable that holds it, like \(example), and "
                    + "set that variable (or \(example)_FILE) in the environment")
        }
        guard let first = text.first, !first.isNumber,
            text.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") })
        else {
            throw InvalidValue(
                "expected the NAME of an environment variable (capital letters, digits and _, like \(example)) "
                    + "that holds the secret")
        }
        if text.hasSuffix("_FILE"), text.count > 5 {
            let name = text.dropLast(5)
            throw InvalidValue(
                "write \(name) without _FILE: Deputy reads \(name), or the file named by \(name)_FILE, by itself")
        }
        return text
    }

    /// Whether `text` looks like a credential or an address rather than a variable's name: it
    /// holds `:`, `/` or `@`, or it is 32 hex digits (a PagerDuty integration key), or it is long
    /// and mixes small letters with digits (a token).
    static func looksLikeSecret(_ text: String) -> Bool {
        if text.contains(where: { ":/@".contains($0) }) { return true }
        if text.utf8.count == 32, text.allSatisfy(\.isHexDigit) { return true }
        let mixed = text.contains(where: \.isLowercase) && text.contains(where: \.isNumber)
        return text.utf8.count >= 20 && mixed
    }
}
