import CurlHTTP
import DeputyDaemon
import Foundation
import Synchronization

/// An `HTTPTransport` that never touches the network: it records every request, with the time
/// it was sent, and answers from a script of outcomes, then from a closure.
public final class FakeTransport: HTTPTransport {
    /// What the fake does with one request: answer it, or throw instead (a `CurlError`, say).
    public enum Outcome: Sendable {
        /// Answers with this response.
        case respond(HTTPClientResponse)
        /// Throws this error, as a transport does when no response arrived.
        case fail(any Error)
    }

    /// One request as the fake saw it.
    public struct Sent: Sendable {
        /// The request, whole.
        public var request: HTTPClientRequest
        /// The time source's `now` when it was sent; nil when the fake has no time source.
        public var at: Date?
    }

    private struct State {
        var sent: [Sent] = []
        var script: [Outcome] = []
    }

    private let state = Mutex(State())
    private let time: (any TimeSource)?
    private let answer: @Sendable (HTTPClientRequest) -> Outcome

    /// A fake that stamps requests with `time`'s `now` and, once the script is used up, answers
    /// with `answer(request)`: by default Slack's `{"ok":true}`.
    public init(
        time: (any TimeSource)? = nil,
        answer: @escaping @Sendable (HTTPClientRequest) -> Outcome = { _ in .respond(.slackOK) }
    ) {
        self.time = time
        self.answer = answer
    }

    /// Queues outcomes for the next requests, in order, ahead of the closure.
    public func script(_ outcomes: Outcome...) {
        state.withLock { $0.script += outcomes }
    }

    /// Every request sent so far, in order.
    public var sent: [Sent] { state.withLock { $0.sent } }

    /// Every request sent so far, in order, without times.
    public var requests: [HTTPClientRequest] { sent.map(\.request) }

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let now = time?.now
        let scripted = state.withLock { state -> Outcome? in
            state.sent.append(Sent(request: request, at: now))
            return state.script.isEmpty ? nil : state.script.removeFirst()
        }
        switch scripted ?? answer(request) {
        case .respond(let response):
            return response
        case .fail(let error):
            throw error
        }
    }
}

extension HTTPClientResponse {
    /// Slack's answer to a call that worked: 200 and `{"ok":true}`.
    public static let slackOK = HTTPClientResponse.json(#"{"ok":true}"#)

    /// Slack's answer to a call that failed with `error`: 200 and `{"ok":false,"error":…}`.
    public static func slackError(_ error: String, headers: [String: String] = [:]) -> HTTPClientResponse {
        json(#"{"ok":false,"error":"\#(error)"}"#, headers: headers)
    }

    /// A JSON answer with `status`, `headers` and `body`.
    public static func json(_ body: String, status: Int = 200, headers: [String: String] = [:]) -> HTTPClientResponse {
        HTTPClientResponse(
            status: status, headers: headers.merging(["Content-Type": "application/json"]) { first, _ in first },
            body: Array(body.utf8))
    }
}

extension HTTPClientRequest {
    /// The value of the header field `name`, in any case; the first when it repeats.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The string field `name` of a JSON object body, such as a Slack call's `channel` or `text`.
    public func jsonField(_ name: String) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return object?[name] as? String
    }
}

/// A transport that holds every request to a chosen Slack channel until the test opens the gate
/// (a Slack call hanging until its timeout), and passes every other request to `inner` at once.
public final class GatedTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let held: @Sendable (HTTPClientRequest) -> Bool
    private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    public init(inner: any HTTPTransport, holding held: @escaping @Sendable (HTTPClientRequest) -> Bool) {
        self.inner = inner
        self.held = held
    }

    /// How many requests are being held.
    public var holding: Int { state.withLock { $0.waiting.count } }

    /// Lets every held request, and every later one, through.
    public func open() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        if held(request) {
            await withCheckedContinuation { continuation in
                let isOpen = state.withLock { state in
                    if !state.open { state.waiting.append(continuation) }
                    return state.open
                }
                if isOpen { continuation.resume() }
            }
        }
        return try await inner.send(request)
    }
}
