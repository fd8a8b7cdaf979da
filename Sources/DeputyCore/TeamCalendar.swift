import Foundation

/// The team's time zone, working week and holidays: what "business day" and "10:00" mean.
public struct TeamCalendar: Hashable, Sendable {
    /// The IANA time zone identifier (`Europe/Berlin`).
    public var timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current
    /// Weekdays that are not business days, as `Calendar` numbers (1 = Sunday … 7 = Saturday).
    public var weekend: Set<Int> = [1, 7]
    /// Days off, as local calendar dates.
    public var holidays: Set<LocalDate> = []

    public init() {}

    /// A Gregorian calendar in the team's time zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Whether the local day containing `date` is a working day.
    public func isBusinessDay(_ date: Date) -> Bool {
        let calendar = self.calendar
        let weekday = calendar.component(.weekday, from: date)
        return !weekend.contains(weekday) && !holidays.contains(LocalDate(date, in: calendar))
    }

    /// The start of the local day that is `count` business days after the day containing `date`.
    public func startOfBusinessDay(_ count: Int, after date: Date) -> Date {
        let calendar = self.calendar
        var day = calendar.startOfDay(for: date)
        var remaining = count
        var guardrail = 0
        while remaining > 0, guardrail < 3660 {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86400)
            if isBusinessDay(day) { remaining -= 1 }
            guardrail += 1
        }
        return day
    }

    /// The start of a local date.
    public func start(of date: LocalDate) -> Date {
        let parts = DateComponents(year: date.year, month: date.month, day: date.day)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// `time` on the local day that starts at or contains `day`.
    public func moment(_ time: TimeOfDay, on day: Date) -> Date {
        let calendar = self.calendar
        let start = calendar.startOfDay(for: day)
        return calendar.date(bySettingHour: time.hour, minute: time.minute, second: 0, of: start)
            ?? start.addingTimeInterval(TimeInterval(time.hour * 3600 + time.minute * 60))
    }

    /// The most recent moment at or before `now` whose local time of day is `time`.
    public func latest(_ time: TimeOfDay, atOrBefore now: Date) -> Date {
        let today = moment(time, on: now)
        if today <= now { return today }
        let yesterday = calendar.date(byAdding: .day, value: -1, to: now) ?? now.addingTimeInterval(-86400)
        return moment(time, on: yesterday)
    }
}

/// A calendar date with no time, read in the team's time zone (`2026-12-25`).
public struct LocalDate: Hashable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The local date of `date` in `calendar`'s time zone.
    public init(_ date: Date, in calendar: Calendar) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }

    /// Reads `YYYY-MM-DD`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}
