import Foundation

/// The one JSON form of everything the store keeps as JSON (actors, events, outgoing
/// messages): dates as seconds since 1970, keys sorted, so equal values are equal text.
struct StoreCoder {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    /// The coder with the store's settings.
    init() {
        encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
    }

    /// `value` as JSON text.
    func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A value from JSON text; `what` names it in the error.
    func decode<Value: Decodable>(
        _ type: Value.Type, from text: String, what: @autoclosure () -> String
    ) throws -> Value {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.unreadable(what: what(), reason: "\(error)")
        }
    }
}
