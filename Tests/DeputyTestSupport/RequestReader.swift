import Glibc

/// Reads HTTP/1.1 requests, one after another, from one connection of the test server.
struct RequestReader {
    private let connection: Int32
    private var buffered: [UInt8] = []

    /// A reader for `connection`.
    init(connection: Int32) {
        self.connection = connection
    }

    /// The next request, or nil when the client hangs up or sends something that is not HTTP.
    mutating func next() -> ReceivedRequest? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd = buffered.firstRange(of: separator)
        while headEnd == nil {
            guard receive() else { return nil }
            headEnd = buffered.firstRange(of: separator)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffered[..<headEnd.lowerBound], as: UTF8.self)
        buffered.removeSubrange(..<headEnd.upperBound)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first.map { $0.split(separator: " ") } ?? []
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingPrefix(" ")
            headers[name] = headers[name].map { "\($0), \(value)" } ?? String(value)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while buffered.count < length {
            guard receive() else { return nil }
        }
        let body = Array(buffered[..<length])
        buffered.removeSubrange(..<length)
        return ReceivedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body,
            arrivedAt: .now)
    }

    /// Blocks until the client hangs up (or the server stops), dropping whatever it sends.
    mutating func waitForHangUp() {
        while receive() { buffered = [] }
    }

    /// Reads what has arrived into the buffer; false at the end of the connection.
    private mutating func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffered.append(contentsOf: chunk[..<count])
            return true
        }
    }
}
