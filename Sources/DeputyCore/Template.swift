/// A phrase with `{placeholder}` slots, parsed once when the phrasebook loads.
public struct Template: Hashable, Sendable {
    /// A run of literal text, or a slot to fill.
    public enum Part: Hashable, Sendable {
        case literal(String)
        case slot(String)
    }

    public var parts: [Part]

    /// The names of every slot, in order of first appearance.
    public var placeholders: [String] {
        var seen: [String] = []
        for case .slot(let name) in parts where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// Why a phrase's text is not a valid template.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// A `{` with no matching `}`, at this character offset.
        case unclosedBrace(offset: Int)
        /// A `}` with no `{` before it.
        case strayBrace(offset: Int)
        /// `{}` or a name with characters other than letters, digits and `_`.
        case badName(String, offset: Int)

        public var description: String {
            switch self {
            case .unclosedBrace(let offset): "unclosed '{' at character \(offset + 1)"
            case .strayBrace(let offset): "'}' without '{' at character \(offset + 1)"
            case .badName(let name, let offset): "bad placeholder name '\(name)' at character \(offset + 1)"
            }
        }
    }

    /// Parses `Hello {user}`; `{{` and `}}` stand for literal braces.
    public init(parsing text: String) throws(Problem) {
        var parts: [Part] = []
        var literal = ""
        var chars = Array(text)
        var index = 0
        chars.append("\0")
        while index < chars.count - 1 {
            let char = chars[index]
            if char == "{", chars[index + 1] == "{" {
                literal.append("{")
                index += 2
            } else if char == "}", chars[index + 1] == "}" {
                literal.append("}")
                index += 2
            } else if char == "{" {
                guard let close = chars[index...].firstIndex(of: "}"), close < chars.count - 1 else {
                    throw .unclosedBrace(offset: index)
                }
                let name = String(chars[(index + 1)..<close])
                guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
                else { throw .badName(name, offset: index) }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.slot(name))
                index = close + 1
            } else if char == "}" {
                throw .strayBrace(offset: index)
            } else {
                literal.append(char)
                index += 1
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }
}
