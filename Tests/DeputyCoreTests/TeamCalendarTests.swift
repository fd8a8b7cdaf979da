import DeputyCore
import Foundation
import Testing

@Suite("Business days")
struct TeamCalendarTests {
    /// Thursday 2026-12-03 15:00 UTC.
    let thursday = Date(timeIntervalSince1970: 1_796_310_000)

    @Test("counting business days skips the weekend")
    func weekend() {
        let calendar = TeamCalendar()
        let day = calendar.startOfBusinessDay(3, after: thursday)
        #expect(LocalDate(day, in: calendar.calendar) == LocalDate(year: 2026, month: 12, day: 8))
    }

    @Test("and holidays")
    func holidays() {
        var calendar = TeamCalendar()
        calendar.holidays = [LocalDate(year: 2026, month: 12, day: 7)]
        let day = calendar.startOfBusinessDay(3, after: thursday)
        #expect(LocalDate(day, in: calendar.calendar) == LocalDate(year: 2026, month: 12, day: 9))
    }

    @Test("in the team's time zone")
    func timeZone() throws {
        var calendar = TeamCalendar()
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Tokyo"))
        // 15:00 UTC Thursday is already Friday 00:00 in Tokyo: 3 business days is Wednesday.
        let day = calendar.startOfBusinessDay(3, after: thursday)
        #expect(LocalDate(day, in: calendar.calendar) == LocalDate(year: 2026, month: 12, day: 9))
        let ten = calendar.moment(.tenInTheMorning, on: day)
        #expect(ten == Date(timeIntervalSince1970: 1_796_778_000))  // 2026-12-09 01:00 UTC
    }

    @Test("HH:MM means the latest such moment, yesterday if it has not come yet today")
    func latest() throws {
        let calendar = TeamCalendar()
        let time = try #require(TimeOfDay(parsing: "14:30"))
        #expect(calendar.latest(time, atOrBefore: thursday) == thursday.addingTimeInterval(-1800))
        let later = try #require(TimeOfDay(parsing: "16:00"))
        #expect(calendar.latest(later, atOrBefore: thursday) == thursday.addingTimeInterval(-86400 + 3600))
    }
}
