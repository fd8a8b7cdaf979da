import DeputyChat
import Foundation

/// Reads a `Retry-After` header given in seconds, the form pagers use.
enum RetryAfter {
    /// The delay `headers` ask for (names in any case), or nil when there is none, it is an
    /// HTTP date, or it is not a sensible number of seconds.
    static func seconds(in headers: [String: String]) -> TimeInterval? {
        guard let value = HeaderLookup.value("Retry-After", in: headers),
            let seconds = TimeInterval(value.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0
        else { return nil }
        return seconds
    }
}
