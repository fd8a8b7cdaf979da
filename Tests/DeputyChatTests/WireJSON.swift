import Foundation

/// A JSON value as a test compares it: a request body decoded, so two bodies are equal when
/// their meaning is, whatever the order of their keys, and a `false` never equals a `0`.
enum WireJSON: Hashable, Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([WireJSON])
    case object([String: WireJSON])

    /// `data` decoded; `.null` for no bytes, so an empty body compares as "no body".
    init(_ data: Data) throws {
        self = data.isEmpty ? .null : try JSONDecoder().decode(WireJSON.self, from: data)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([WireJSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: WireJSON].self))
        }
    }
}

extension WireJSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(arrayLiteral elements: WireJSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, WireJSON)...) {
        self = .object(Dictionary(elements) { first, _ in first })
    }
}
