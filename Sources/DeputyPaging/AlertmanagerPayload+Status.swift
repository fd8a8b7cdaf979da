extension AlertmanagerPayload {
    /// Whether an alert, or a group as a whole, is firing or resolved.
    public enum Status: String, Hashable, Sendable {
        /// Still happening.
        case firing
        /// Over.
        case resolved

        /// The status at `key` in `container`; a missing key, another type or another word is an
        /// `AlertmanagerPayloadError`.
        static func decode<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> Status {
            let text = try container.decode(String.self, forKey: key)
            guard let status = Status(rawValue: text) else {
                throw AlertmanagerPayloadError.invalidValue(
                    path: AlertmanagerPayload.path(container.codingPath + [key]), value: text,
                    expected: "firing or resolved")
            }
            return status
        }
    }
}
