import Foundation

/// ISO 8601 (RFC 3339) times as platforms and pagers write them: read with any number of
/// fractional digits, written in UTC to the millisecond.
package enum InternetTime {
    /// An ISO 8601 time with any number of fractional digits (Teams sends three or seven, Go up
    /// to nine; digits past the millisecond are dropped), or nil.
    package static func date(from text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        guard let dot = text.firstIndex(of: ".") else {
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.date(from: text)
        }
        let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let kept = digits.prefix(3)
        let normalized =
            String(text[..<dot]) + "." + kept + String(repeating: "0", count: 3 - kept.count)
            + text[digits.endIndex...]
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: normalized)
    }

    /// A moment as ISO 8601 in UTC, to the millisecond: `2026-03-14T09:30:05.250Z`.
    package static func string(from date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
