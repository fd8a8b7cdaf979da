import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An open-loop HTTP load generator: request `i` is due at `start + i / rate`, whatever happened
/// to the requests before it, and its latency is measured from that scheduled moment to the
/// last byte of its response. A server that stalls is charged for every request that should
/// have been sent meanwhile (no coordinated omission), unlike wrk, which waits for a free
/// connection before it sends the next request.
///
/// Each of `--connections` threads owns one keep-alive connection. A free thread takes the next
/// request number, sleeps until its scheduled time (or sends at once when it is already late),
/// sends it and reads the whole response. With enough connections the sending never waits for
/// the server; when every connection is busy, the wait counts in the latency, as it should.
///
/// Requests come from a file, one a line, as `bench/slack/make_requests.py` writes them:
/// `<X-Slack-Request-Timestamp>\t<X-Slack-Signature>\t<form body>`. Line `i` is request `i`,
/// so every request is distinct as long as the file has `rate × duration` lines.
///
///     open-loop --port 8090 --path /slack/commands --requests req.tsv --rate 1000 --duration 30
///         [--warmup 5] [--connections 64] [--host 127.0.0.1] [--label deputy]
///
/// Prints a human line and a JSON line (`{"label":…,"p50_ms":…}`) on standard output.
@main
enum OpenLoop {
    struct Options {
        var host = "127.0.0.1"
        var port = 8090
        var path = "/slack/commands"
        var requests = ""
        var rate = 1000.0
        var duration = 30.0
        var warmup = 5.0
        var connections = 64
        var label = "server"
    }

    static func main() {
        let options = parse(CommandLine.arguments.dropFirst())
        let lines = readRequests(options.requests)
        let total = Int(options.rate * options.duration)
        guard total > 0, !lines.isEmpty else { fail("nothing to send") }
        if lines.count < total {
            FileHandle.standardError.write(
                Data("open-loop: only \(lines.count) requests for \(total) sends: some repeat\n".utf8))
        }
        let payloads = (0..<min(total, lines.count)).map { index in
            request(lines[index], host: options.host, port: options.port, path: options.path)
        }
        let run = Run(options: options, payloads: payloads, total: total)
        run.start()
        run.report()
    }

    static func parse(_ arguments: ArraySlice<String>) -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            guard let value = iterator.next() else { fail("\(name) needs a value") }
            switch name {
            case "--host": options.host = value
            case "--port": options.port = Int(value) ?? options.port
            case "--path": options.path = value
            case "--requests": options.requests = value
            case "--rate": options.rate = Double(value) ?? options.rate
            case "--duration": options.duration = Double(value) ?? options.duration
            case "--warmup": options.warmup = Double(value) ?? options.warmup
            case "--connections": options.connections = Int(value) ?? options.connections
            case "--label": options.label = value
            default: fail("unknown option \(name)")
            }
        }
        if options.requests.isEmpty { fail("--requests FILE is required") }
        return options
    }

    static func readRequests(_ path: String) -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }

    /// The bytes of one request line as an HTTP/1.1 POST.
    static func request(_ line: Substring, host: String, port: Int, path: String) -> [UInt8] {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { fail("a request line is not timestamp<TAB>signature<TAB>body") }
        let body = fields[2]
        let head =
            "POST \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "X-Slack-Request-Timestamp: \(fields[0])\r\nX-Slack-Signature: \(fields[1])\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n"
        return Array(head.utf8) + Array(body.utf8)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("open-loop: \(message)\n".utf8))
        exit(2)
    }
}

/// Nanoseconds on the monotonic clock.
func monotonicNanos() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

/// Sleeps until `deadline` on the monotonic clock.
func sleep(untilNanos deadline: Int64) {
    var spec = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
    while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
}

/// One run: the schedule, the connections' threads and what they measured.
final class Run: Sendable {
    let options: OpenLoop.Options
    let payloads: [[UInt8]]
    let total: Int
    let interval: Double
    let next = Atomic<Int>(0)
    let results = Mutex<[Sample]>([])
    let failures = Mutex<[String: Int]>([:])
    let startNanos = Mutex<Int64>(0)

    /// One request's fate: when it was due, how late it left, how long until its answer.
    struct Sample {
        var index: Int
        var sendLagNanos: Int64
        var latencyNanos: Int64
        var ok: Bool
    }

    init(options: OpenLoop.Options, payloads: [[UInt8]], total: Int) {
        self.options = options
        self.payloads = payloads
        self.total = total
        self.interval = 1e9 / options.rate
    }

    func start() {
        let begin = monotonicNanos() + 200_000_000  // time for every thread to connect
        startNanos.withLock { $0 = begin }
        let done = DispatchGroup()
        for _ in 0..<options.connections {
            done.enter()
            let thread = Thread { [self] in
                worker(begin: begin)
                done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
    }

    func worker(begin: Int64) {
        var connection = Connection(host: options.host, port: options.port)
        var samples: [Sample] = []
        samples.reserveCapacity(total / max(options.connections, 1) + 16)
        var failed: [String: Int] = [:]
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < total else { break }
            let due = begin + Int64((Double(index) * interval).rounded())
            if monotonicNanos() < due { sleep(untilNanos: due) }
            let sent = monotonicNanos()
            let payload = payloads[index % payloads.count]
            var outcome = connection.exchange(payload)
            if case .failure(let error) = outcome, error.retryable {
                // The server closed a kept-alive connection: one fresh try, still timed from `due`.
                connection = Connection(host: options.host, port: options.port)
                outcome = connection.exchange(payload)
            }
            let finished = monotonicNanos()
            var ok = false
            switch outcome {
            case .success(let status):
                ok = status == 200
                if !ok { failed["HTTP \(status)", default: 0] += 1 }
            case .failure(let error):
                failed[error.reason, default: 0] += 1
                connection = Connection(host: options.host, port: options.port)
            }
            samples.append(Sample(index: index, sendLagNanos: sent - due, latencyNanos: finished - due, ok: ok))
        }
        connection.close()
        results.withLock { $0 += samples }
        failures.withLock { all in for (reason, count) in failed { all[reason, default: 0] += count } }
    }

    func report() {
        let all = results.withLock { $0 }
        let warmupCount = Int(options.warmup * options.rate)
        let measured = all.filter { $0.index >= warmupCount }
        let latencies = measured.map(\.latencyNanos).sorted()
        let lags = measured.map(\.sendLagNanos).sorted()
        let okCount = measured.filter(\.ok).count
        let errors = measured.count - okCount
        let first = measured.map(\.index).min() ?? 0
        let last = measured.map(\.index).max() ?? 0
        let begin = startNanos.withLock { $0 }
        _ = begin
        // The rate actually offered: scheduled sends over the measured span.
        let span = Double(last - first) * interval / 1e9
        func percentile(_ sorted: [Int64], _ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[rank]) / 1e6
        }
        let p50 = percentile(latencies, 50)
        let p90 = percentile(latencies, 90)
        let p99 = percentile(latencies, 99)
        let p999 = percentile(latencies, 99.9)
        let maximum = Double(latencies.last ?? 0) / 1e6
        let lag99 = percentile(lags, 99)
        let failed = failures.withLock { $0 }
        let reasons = failed.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        func f(_ value: Double) -> String { String(format: "%.3f", value) }
        print(
            "\(options.label): \(measured.count) requests measured at \(Int(options.rate))/s after "
                + "\(Int(options.warmup)) s warm-up, \(errors) errors; latency from the scheduled send: "
                + "p50 \(f(p50)) ms, p90 \(f(p90)) ms, p99 \(f(p99)) ms, p99.9 \(f(p999)) ms, max \(f(maximum)) ms; "
                + "send lag p99 \(f(lag99)) ms")
        let fields: [(String, String)] = [
            ("label", "\"\(options.label)\""), ("rate", "\(options.rate)"), ("measured", "\(measured.count)"),
            ("errors", "\(errors)"), ("span_s", f(span)), ("p50_ms", f(p50)), ("p90_ms", f(p90)),
            ("p99_ms", f(p99)), ("p999_ms", f(p999)), ("max_ms", f(maximum)), ("send_lag_p99_ms", f(lag99)),
            ("failures", "{\(reasons)}"),
        ]
        print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}

/// A blocking keep-alive HTTP/1.1 connection that reads responses with a Content-Length.
struct Connection {
    struct Failure: Error {
        var reason: String
        /// The connection was closed before any byte of the answer: worth one retry.
        var retryable = false
    }

    private var socket: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 65_536)
    private var pending: [UInt8] = []

    init(host: String, port: Int) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        var one: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if connected != 0 {
            Glibc.close(socket)
            socket = -1
        }
    }

    mutating func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
    }

    /// Sends one request and reads its whole response; the status code.
    mutating func exchange(_ request: [UInt8]) -> Result<Int, Failure> {
        guard socket >= 0 else { return .failure(Failure(reason: "connect failed")) }
        var written = 0
        while written < request.count {
            let count = request.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return -1 }
                return send(socket, base + written, request.count - written, 0)
            }
            if count <= 0 { return .failure(Failure(reason: "send failed", retryable: written == 0)) }
            written += count
        }
        pending.removeAll(keepingCapacity: true)
        var headerEnd: Int?
        var contentLength = 0
        var status = 0
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 {
                let reason = count == 0 ? "closed by the server" : (errno == EAGAIN ? "timeout (10 s)" : "read failed")
                return .failure(Failure(reason: reason, retryable: count == 0 && pending.isEmpty))
            }
            pending += buffer[0..<count]
            if headerEnd == nil, let end = Self.find(pending) {
                headerEnd = end
                let head = String(decoding: pending[0..<end], as: UTF8.self)
                let lines = head.split(separator: "\r\n")
                let statusWords = lines.first?.split(separator: " ") ?? []
                status = statusWords.count > 1 ? Int(statusWords[1]) ?? 0 : 0
                for line in lines.dropFirst() {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
            }
            if let headerEnd, pending.count >= headerEnd + 4 + contentLength { return .success(status) }
        }
    }

    /// Where `\r\n\r\n` starts, if it is there.
    private static func find(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
