import DeputyCore
import Testing

@Suite("Durations")
struct SpanTests {
    @Test(
        "reads the ways people write a duration",
        arguments: [
            ("90s", 90), ("5m", 300), ("5 min", 300), ("20 minutes", 1200), ("1h", 3600), ("1h30m", 5400),
            ("1 hour", 3600), ("2hrs", 7200), ("45sec", 45), ("1H30M", 5400), ("1d", 86400),
        ])
    func parses(text: String, seconds: Int) {
        #expect(Span(parsing: text) == Span(seconds: seconds))
    }

    @Test(
        "refuses what is not a duration",
        arguments: [
            "", "5", "m5", "five minutes", "0m", "-5m", "5x", "30m1h", "1h1h", "8d", "99999999999m", "5 m m", "½h",
        ])
    func refuses(text: String) {
        #expect(Span(parsing: text) == nil)
    }

    @Test(
        "reads durations written in words, across words",
        arguments: [
            ("20m", 1200), ("20 min", 1200), ("twenty minutes", 1200), ("twenty-five minutes", 1500),
            ("twenty five minutes", 1500), ("half an hour", 1800), ("half hour", 1800), ("an hour", 3600),
            ("a minute", 60), ("an hour and a half", 5400), ("one and a half hours", 5400), ("1h30", 5400),
            ("5m30", 330), ("1.5h", 5400), ("1.5 hours", 5400), ("1 hour 30 minutes", 5400),
            ("1 hour and 30 minutes", 5400), ("1h 30m", 5400), ("a quarter of an hour", 900), ("quarter hour", 900),
            ("a couple of minutes", 120), ("ninety seconds", 90), ("Twenty Minutes.", 1200), ("half a minute", 30),
            ("two days", 172_800),
        ])
    func readsWords(text: String, seconds: Int) {
        #expect(Span(words: text.split(separator: " ")) == Span(seconds: seconds))
    }

    @Test(
        "refuses words that are not one duration",
        arguments: [
            "twenty", "a while", "minutes", "30 minutes 1 hour", "an hour an hour", "half", "a few minutes",
            "twenty pods", "8 days", "0 minutes", "1.5.2h", "and 5m", "5m and", "one hundred minutes",
        ])
    func refusesWords(text: String) {
        #expect(Span(words: text.split(separator: " ")) == nil)
    }

    @Test("a bare number means minutes only where asked")
    func bareMinutes() {
        #expect(Span(parsingMinutesByDefault: "20") == .minutes(20))
        #expect(Span(parsingMinutesByDefault: "1h") == .hours(1))
        #expect(Span(parsingMinutesByDefault: "0") == nil)
        #expect(Span(parsing: "20") == nil)
    }

    @Test(
        "renders in words",
        arguments: [
            (300, "5 minutes"), (60, "1 minute"), (30, "30 seconds"), (1, "1 second"), (5400, "1 hour 30 minutes"),
            (3600, "1 hour"), (90, "1 minute 30 seconds"), (7260, "2 hours 1 minute"), (1230, "21 minutes"),
            (0, "0 seconds"), (299, "4 minutes 59 seconds"), (330, "6 minutes"), (539, "9 minutes"),
            (359, "6 minutes"),
        ])
    func words(seconds: Int, words: String) {
        let book = Phrasebook(phrases: [:], usage: [:], help: [:], terms: [:])
        #expect(book.words(for: Span(seconds: seconds)) == words)
    }

    @Test(
        "a day is said with its weekday",
        arguments: [
            (LocalDate(year: 2026, month: 12, day: 10), "Thursday 10 December"),
            (LocalDate(year: 2026, month: 12, day: 4), "Friday 4 December"),
            (LocalDate(year: 2027, month: 1, day: 1), "Friday 1 January"),
            (LocalDate(year: 2028, month: 2, day: 29), "Tuesday 29 February"),
        ])
    func days(day: LocalDate, words: String) {
        let book = Phrasebook(phrases: [:], usage: [:], help: [:], terms: [:])
        #expect(book.words(for: day) == words)
    }

    @Test("a phrasebook writes days in its own words and order")
    func daysTranslated() {
        var book = Phrasebook(phrases: [:], usage: [:], help: [:], terms: [:])
        book.units.weekdays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]
        book.units.months = [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre",
        ]
        book.units.date = "{weekday} {day} de {month}"
        #expect(book.words(for: LocalDate(year: 2026, month: 12, day: 10)) == "jueves 10 de diciembre")
    }
}
