import DeputyCore
import Foundation

extension Setting {
    /// An IANA time zone identifier: `UTC`, `Europe/Berlin`, `America/New_York`.
    static func timeZone(_ key: String, _ path: WritableKeyPath<Root, TimeZone>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let text = reader.scalar(entry, expected: "a time zone like Europe/Berlin") else { return }
            guard let zone = TimeZone(identifier: text) else {
                reader.report(
                    entry.path, "\"\(text)\" is not a time zone (use an IANA name like UTC or Europe/Berlin)",
                    at: entry.value)
                return
            }
            root[keyPath: path] = zone
        }
    }

    /// A list of day names (`saturday`, `sun`), stored as `Calendar` weekday numbers (1 = Sunday).
    static func weekdays(_ key: String, _ path: WritableKeyPath<Root, Set<Int>>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let items = reader.list(entry, expected: "a list of day names like [saturday, sunday]") else {
                return
            }
            var days: Set<Int> = []
            var valid = true
            for item in items {
                guard let name = reader.scalar(item, expected: "a day name like saturday") else {
                    valid = false
                    continue
                }
                guard let day = weekday(named: name) else {
                    reader.report(entry.path, "\"\(name)\" is not a day of the week (monday … sunday)", at: item.value)
                    valid = false
                    continue
                }
                days.insert(day)
            }
            if days.count == 7 {
                reader.report(entry.path, "every day is weekend: leave at least one business day", at: entry.value)
                valid = false
            }
            if valid { root[keyPath: path] = days }
        }
    }

    /// A list of dates, `YYYY-MM-DD`.
    static func dates(_ key: String, _ path: WritableKeyPath<Root, Set<LocalDate>>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            guard let items = reader.list(entry, expected: "a list of dates like [2026-12-25]") else { return }
            var dates: Set<LocalDate> = []
            var valid = true
            for item in items {
                guard let text = reader.scalar(item, expected: "a date like 2026-12-25") else {
                    valid = false
                    continue
                }
                guard let date = LocalDate(parsing: text), exists(date) else {
                    reader.report(
                        entry.path, "\"\(text)\" is not a date (write YYYY-MM-DD, like 2026-12-25)", at: item.value)
                    valid = false
                    continue
                }
                dates.insert(date)
            }
            if valid { root[keyPath: path] = dates }
        }
    }

    /// The `Calendar` weekday number (1 = Sunday … 7 = Saturday) of an English day name or its
    /// first three letters.
    private static func weekday(named name: String) -> Int? {
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        let lower = name.lowercased()
        guard let index = names.firstIndex(where: { $0 == lower || $0.prefix(3) == lower }) else { return nil }
        return index + 1
    }

    /// Whether `date` is a real day on the Gregorian calendar (no 31st of April).
    private static func exists(_ date: LocalDate) -> Bool {
        DateComponents(year: date.year, month: date.month, day: date.day)
            .isValidDate(in: Calendar(identifier: .gregorian))
    }
}
