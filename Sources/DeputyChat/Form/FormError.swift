/// Why an `application/x-www-form-urlencoded` body could not be read.
public enum FormError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `%` not followed by two hexadecimal digits, at this byte offset of the body.
    case invalidEscape(offset: Int)
    /// A name or value whose bytes, once decoded, are not UTF-8; the offset is where it starts.
    case invalidUTF8(offset: Int)

    /// What went wrong, for the log.
    public var description: String {
        switch self {
        case .invalidEscape(let offset): "invalid percent escape at byte \(offset)"
        case .invalidUTF8(let offset): "text that is not UTF-8 in the field at byte \(offset)"
        }
    }
}
