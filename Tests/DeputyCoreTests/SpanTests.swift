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
            (0, "0 seconds"),
        ])
    func words(seconds: Int, words: String) {
        let book = Phrasebook(phrases: [:], usage: [:], help: [:], terms: [:])
        #expect(book.words(for: Span(seconds: seconds)) == words)
    }
}
