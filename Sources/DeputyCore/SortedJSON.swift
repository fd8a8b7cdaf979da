import Foundation

/// Compact JSON with sorted keys, unescaped slashes and dates as seconds since 1970: byte for
/// byte what Foundation's `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]` and
/// `.secondsSince1970`, in a fraction of its time. The store keeps every event and message in
/// this form, and every Slack answer is written in it, so it is on every command's path.
///
/// Foundation builds a tree of boxed values, sorts each object's keys with Unicode-aware string
/// comparison and casts every value dynamically; this encoder keeps scalars unboxed, allocates
/// only for containers, sorts keys by their UTF-8 bytes (the same order, for the ASCII keys
/// `Codable` produces) and checks a value's type by comparing metatypes.
public enum SortedJSON {
    /// `value` as JSON bytes.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let node = try SortedJSONEncoder.node(for: value, parent: nil, key: nil)
        var out: [UInt8] = []
        out.reserveCapacity(256)
        node.write(into: &out)
        return out
    }

    /// `value` as JSON text.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// `value` as JSON data.
    public static func data(_ value: some Encodable) throws -> Data {
        Data(try encode(value))
    }
}

/// One JSON value: scalars inline, containers in a box their encoders fill in.
enum SortedJSONNode {
    case null
    case bool(Bool)
    case string(String)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case float(Float)
    /// A number already in JSON's form.
    case number(String)
    case container(SortedJSONBox)

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .string(let value): Self.write(value, into: &out)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .unsigned(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): Self.write(number: value.description, into: &out)
        case .float(let value): Self.write(number: value.description, into: &out)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .container(let box): box.write(into: &out)
        }
    }

    /// A number as Foundation writes it: Swift's shortest form, without a trailing ".0".
    private static func write(number text: String, into out: inout [UInt8]) {
        if text.hasSuffix(".0") {
            out.append(contentsOf: text.utf8.dropLast(2))
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    /// A string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func write(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case ..<0x20:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// A container being filled in: an object, an array, or one value from a single-value container.
final class SortedJSONBox {
    enum Content {
        case empty
        case object([(key: String, value: SortedJSONNode)])
        case array([SortedJSONNode])
        case single(SortedJSONNode)
    }

    var content: Content = .empty

    func append(_ value: SortedJSONNode, forKey key: String) {
        guard case .object(var fields) = content else {
            content = .object([(key, value)])
            return
        }
        content = .empty  // keeps `fields` uniquely referenced while it grows
        fields.append((key, value))
        content = .object(fields)
    }

    func append(_ value: SortedJSONNode) {
        guard case .array(var elements) = content else {
            content = .array([value])
            return
        }
        content = .empty
        elements.append(value)
        content = .array(elements)
    }

    var count: Int {
        switch content {
        case .empty, .single: 0
        case .object(let fields): fields.count
        case .array(let elements): elements.count
        }
    }

    func write(into out: inout [UInt8]) {
        switch content {
        case .empty:
            out.append(contentsOf: "{}".utf8)
        case .single(let node):
            node.write(into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            var sorted = fields
            if !Self.isSortedAndUnique(sorted) {
                // Sorted by key, then by position, so that of a key encoded twice the last
                // value is kept, as Foundation keeps it.
                let order = sorted.indices.sorted { left, right in
                    let (a, b) = (sorted[left].key, sorted[right].key)
                    return a == b ? left < right : a.utf8.lexicographicallyPrecedes(b.utf8)
                }
                sorted = order.indices.compactMap { position in
                    let field = fields[order[position]]
                    let next = position + 1 < order.count ? fields[order[position + 1]].key : nil
                    return next == field.key ? nil : field
                }
            }
            for (index, field) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                SortedJSONNode.write(field.key, into: &out)
                out.append(UInt8(ascii: ":"))
                field.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func isSortedAndUnique(_ fields: [(key: String, value: SortedJSONNode)]) -> Bool {
        guard fields.count > 1 else { return true }
        for index in 1..<fields.count
        where !fields[index - 1].key.utf8.lexicographicallyPrecedes(fields[index].key.utf8) {
            return false
        }
        return true
    }
}
