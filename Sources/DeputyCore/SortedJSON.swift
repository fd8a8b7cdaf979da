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

/// The `Encoder` handed to `encode(to:)`: it writes into one box.
final class SortedJSONEncoder: Encoder {
    let box: SortedJSONBox
    private let parent: SortedJSONEncoder?
    private let key: (any CodingKey)?

    init(box: SortedJSONBox, parent: SortedJSONEncoder?, key: (any CodingKey)?) {
        self.box = box
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var encoder: SortedJSONEncoder? = self
        while let current = encoder {
            if let key = current.key { path.append(key) }
            encoder = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = box.content { box.content = .object([]) }
        return KeyedEncodingContainer(SortedJSONKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = box.content { box.content = .array([]) }
        return SortedJSONUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SortedJSONSingleContainer(encoder: self)
    }

    /// The node for any value: the types Foundation special-cases first, then the value's own
    /// `encode(to:)` into a fresh box.
    static func node<Value: Encodable>(
        for value: Value, parent: SortedJSONEncoder?, key: (any CodingKey)?
    ) throws -> SortedJSONNode {
        // Comparing metatypes first keeps the dynamic casts off every other value's path.
        if Value.self == String.self, let text = value as? String { return .string(text) }
        if Value.self == Date.self, let date = value as? Date {
            return try double(date.timeIntervalSince1970, parent, key)
        }
        if Value.self == URL.self, let url = value as? URL { return .string(url.absoluteString) }
        if Value.self == Data.self, let data = value as? Data { return .string(data.base64EncodedString()) }
        if Value.self == Decimal.self, let decimal = value as? Decimal { return .number(decimal.description) }
        let box = SortedJSONBox()
        try value.encode(to: SortedJSONEncoder(box: box, parent: parent, key: key))
        if case .single(let node) = box.content { return node }
        return .container(box)
    }

    /// A double, refused when it has no JSON form (as Foundation refuses it).
    static func double(_ value: Double, _ parent: SortedJSONEncoder?, _ key: (any CodingKey)?) throws -> SortedJSONNode
    {
        guard value.isFinite else {
            let path = (parent?.codingPath ?? []) + (key.map { [$0] } ?? [])
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "\(value) is not a valid JSON number"))
        }
        return .double(value)
    }

    static func float(_ value: Float, _ parent: SortedJSONEncoder?, _ key: (any CodingKey)?) throws -> SortedJSONNode {
        guard value.isFinite else {
            let path = (parent?.codingPath ?? []) + (key.map { [$0] } ?? [])
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "\(value) is not a valid JSON number"))
        }
        return .float(value)
    }
}

/// The index of an element in an unkeyed container, for coding paths.
private struct SortedJSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct SortedJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: SortedJSONEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func put(_ node: SortedJSONNode, _ key: Key) { encoder.box.append(node, forKey: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(try SortedJSONEncoder.double(value, encoder, key), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(try SortedJSONEncoder.float(value, encoder, key), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.unsigned(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        put(try SortedJSONEncoder.node(for: value, parent: encoder, key: key), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nested(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nested(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nested(SortedJSONSuperKey()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key) }

    private func nested(_ key: some CodingKey) -> SortedJSONEncoder {
        let box = SortedJSONBox()
        encoder.box.append(.container(box), forKey: key.stringValue)
        return SortedJSONEncoder(box: box, parent: encoder, key: key)
    }
}

/// The key Foundation gives a keyed container's `superEncoder()`.
private struct SortedJSONSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// What the unkeyed and single-value containers share: every value they are given becomes one
/// node, put where the container puts it.
private protocol SortedJSONValueSink {
    var encoder: SortedJSONEncoder { get }
    /// The key a value's errors name: its index in a list; none for a single value.
    var valueKey: (any CodingKey)? { get }
    func put(_ node: SortedJSONNode)
}

extension SortedJSONValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try SortedJSONEncoder.double(value, encoder, valueKey)) }
    mutating func encode(_ value: Float) throws { put(try SortedJSONEncoder.float(value, encoder, valueKey)) }
    mutating func encode(_ value: Int) throws { put(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { put(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { put(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { put(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { put(.integer(value)) }
    mutating func encode(_ value: UInt) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { put(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { put(.unsigned(value)) }
    mutating func encode(_ value: some Encodable) throws {
        put(try SortedJSONEncoder.node(for: value, parent: encoder, key: valueKey))
    }
}

private struct SortedJSONUnkeyedContainer: UnkeyedEncodingContainer, SortedJSONValueSink {
    let encoder: SortedJSONEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.box.count }
    var valueKey: (any CodingKey)? { SortedJSONIndexKey(intValue: count) }

    func put(_ node: SortedJSONNode) { encoder.box.append(node) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        nested().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nested().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nested() }

    private func nested() -> SortedJSONEncoder {
        let key = SortedJSONIndexKey(intValue: count)
        let box = SortedJSONBox()
        put(.container(box))
        return SortedJSONEncoder(box: box, parent: encoder, key: key)
    }
}

private struct SortedJSONSingleContainer: SingleValueEncodingContainer, SortedJSONValueSink {
    let encoder: SortedJSONEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var valueKey: (any CodingKey)? { nil }

    func put(_ node: SortedJSONNode) { encoder.box.content = .single(node) }
}
