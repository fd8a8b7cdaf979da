import Foundation
import Glibc
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 for tests of what goes over the wire, faults included:
/// blocking sockets, a thread per connection, keep-alive. Raw sockets because a fault such as a
/// reset mid-body is out of a real server's reach (and the client's tests may add no dependency).
public final class TestServer: Sendable {
    private struct State {
        var listening = false
        var acceptedConnections = 0
        var openConnections: Set<Int32> = []
        var stopped = false
    }

    /// The port the server listens on.
    public let port: UInt16
    /// Every request the server reads, in order.
    public let arrivals: AsyncStream<ReceivedRequest>
    /// When each held connection (`TestReply.hold`) ended because the client hung up, by the
    /// server's thread: timing the client here is immune to a busy cooperative pool.
    public let hangUps: AsyncStream<ContinuousClock.Instant>

    private let listener: Int32
    private let greeting: [UInt8]?
    private let reply: @Sendable (ReceivedRequest) -> TestReply
    private let state = Mutex(State())
    private let arrivalsInput: AsyncStream<ReceivedRequest>.Continuation
    private let hangUpsInput: AsyncStream<ContinuousClock.Instant>.Continuation

    /// Starts a server that answers each request with `reply(request)`; or, given a `greeting`,
    /// one that sends it as soon as a client connects and hangs up without reading anything.
    /// Unless `listening`, its port is bound but refuses connections until `listen()`.
    public init(
        listening: Bool = true, greeting: [UInt8]? = nil,
        reply: @escaping @Sendable (ReceivedRequest) -> TestReply = { _ in .hold }
    ) throws {
        let socket = try LoopbackSocket()
        port = socket.port
        listener = socket.release()
        self.greeting = greeting
        self.reply = reply
        (arrivals, arrivalsInput) = AsyncStream.makeStream()
        (hangUps, hangUpsInput) = AsyncStream.makeStream()
        if listening { try listen() }
    }

    /// Starts accepting connections on the port, which refused them until now; nothing once
    /// listening or stopped.
    public func listen() throws {
        let start = try state.withLock { state in
            guard !state.listening, !state.stopped else { return false }
            guard Glibc.listen(listener, 128) == 0 else { throw SocketError("listen") }
            state.listening = true
            return true
        }
        guard start else { return }
        let thread = Thread { [self] in acceptConnections() }
        thread.start()
    }

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String = "/") -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// How many connections the server has accepted.
    public var acceptedConnections: Int {
        state.withLock { $0.acceptedConnections }
    }

    /// Stops accepting and hangs up every open connection; the server's threads then end.
    public func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            // Never listening, no accepting thread closes it.
            if !state.listening { close(listener) }
            for connection in state.openConnections { shutdown(connection, Int32(SHUT_RDWR)) }
        }
        arrivalsInput.finish()
        hangUpsInput.finish()
    }

    private func acceptConnections() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let admitted = state.withLock { state in
                guard !state.stopped else { return false }
                state.acceptedConnections += 1
                state.openConnections.insert(connection)
                return true
            }
            guard admitted else {
                close(connection)
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer {
            state.withLock { _ = $0.openConnections.remove(connection) }
            close(connection)
        }
        if let greeting {
            _ = Self.write(greeting, to: connection)
            return
        }
        var reader = RequestReader(connection: connection)
        while let request = reader.next() {
            arrivalsInput.yield(request)
            switch reply(request) {
            case .respond(let status, let headers, let body):
                var head = "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.count)\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                guard Self.write(Array((head + "\r\n").utf8) + body, to: connection) else { return }
            case .hold:
                reader.waitForHangUp()
                hangUpsInput.yield(.now)
                return
            case .unframed(let body):
                let head = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
                _ = Self.write(Array(head.utf8) + body, to: connection)
                return
            case .reset(let bytes):
                _ = Self.write(bytes, to: connection)
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            }
        }
    }

    /// Writes all of `bytes`; false if the peer went away. `MSG_NOSIGNAL`: no SIGPIPE for the test process.
    private static func write(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(connection, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
