import Foundation

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
