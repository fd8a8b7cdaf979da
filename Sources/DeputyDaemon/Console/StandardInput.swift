import Foundation

/// Standard input as an async sequence of lines, read on its own thread so a blocking read
/// never holds a thread of Swift's cooperative pool.
public enum StandardInput {
    /// Every line until end of input.
    public static func lines() -> AsyncStream<String> {
        AsyncStream { continuation in
            let reader = Thread {
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            reader.start()
        }
    }
}
