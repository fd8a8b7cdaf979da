import DeputyCore
import Foundation

/// The one JSON form of everything the store keeps as JSON (actors, events, outgoing
/// messages): dates as seconds since 1970, keys sorted, so equal values are equal text.
/// Written by `SortedJSON` (on every command's path), read by Foundation's decoder.
public struct StoreCoder {
    private let decoder: JSONDecoder

    /// The coder with the store's settings.
    public init() {
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
    }

    /// `value` as JSON text. Writing needs no coder: a commit does not build one.
    public static func encode(_ value: some Encodable) throws -> String {
        try SortedJSON.string(value)
    }

    /// A value from JSON text; `what` names it in the error.
    public func decode<Value: Decodable>(
        _ type: Value.Type, from text: String, what: @autoclosure () -> String
    ) throws -> Value {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.unreadable(what: what(), reason: "\(error)")
        }
    }
}
