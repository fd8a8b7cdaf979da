import Glibc

/// A socket call in the test server failed.
public struct SocketError: Error, CustomStringConvertible {
    /// The call that failed.
    public var call: String
    /// `errno` after the call.
    public var code: Int32

    /// The error for `call`, with the current `errno`.
    init(_ call: String) {
        self.call = call
        self.code = errno
    }

    /// The call and the system's words for the error.
    public var description: String {
        "\(call) failed: \(String(cString: strerror(code)))"
    }
}
