extension Duration {
    /// The duration in whole milliseconds for a libcurl timeout: at least 1, since libcurl reads 0
    /// as "no timeout", and at most 25 years.
    var curlTimeoutMilliseconds: Int {
        let (seconds, attoseconds) = components
        let cappedSeconds = min(max(seconds, 0), 788_400_000)
        return max(Int(cappedSeconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000), 1)
    }
}
