import Testing

@testable import CurlHTTP

/// Timeouts as libcurl reads them: whole milliseconds, never 0 (which means "none").
struct DurationMillisecondsTests {
    @Test(arguments: [
        (Duration.milliseconds(300), 300),
        (.seconds(30), 30_000),
        (.microseconds(1500), 1),
        (.zero, 1),
        (.seconds(-5), 1),
        (.seconds(Int64.max), 788_400_000_000),
    ])
    func curlTimeout(duration: Duration, milliseconds: Int) {
        #expect(duration.curlTimeoutMilliseconds == milliseconds)
    }
}
