/// A bounded wait for something another thread or process does (a request arriving over real
/// HTTP, a task reaching its sleep): never a wait for a timer, which tests move by hand.
public enum Poll {
    /// Checks `condition` until it holds or `limit` of real time has passed; whether it held.
    /// The default is generous: with the whole suite in parallel on 2 cores, the work another
    /// task must do has waited over 10 s for a thread (seen in CI). A passing test never waits
    /// it out.
    /// Yields at first, then looks every few milliseconds so the threads it waits for get a core.
    public static func until(
        within limit: Duration = .seconds(60), _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: limit)
        var turns = 0
        while clock.now < end {
            if try await condition() { return true }
            turns += 1
            if turns < 100 {
                await Task.yield()
            } else {
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        return try await condition()
    }
}
