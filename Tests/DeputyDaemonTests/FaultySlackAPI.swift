import DeputyTestSupport
import Foundation
import Synchronization

/// A fake Slack Web API on 127.0.0.1 that fails on cue, for the outbound fault tests: raw sockets
/// (`TestServer`), so it can stall, reset mid-body, or refuse connections until it listens. Faults
/// are set per channel, read from the JSON body's `channel`; calls without one (`response_url`
/// posts) and channels without a fault get `{"ok":true}`. It keeps every call it received and,
/// apart, every call it accepted (answered `ok:true`), in arrival order.
final class FaultySlackAPI: Sendable {
    /// One call, as the fake read it.
    struct Call: Sendable, Equatable {
        /// The Web API method (`chat.postMessage`), or `respond` for a `response_url` post.
        var method: String
        /// The JSON body's `channel` and `text`.
        var channel: String?
        var text: String?
    }

    private struct State {
        var received: [Call] = []
        var accepted: [Call] = []
        /// Each faulty channel's fault and how many more calls it fails.
        var faults: [String: (fault: SlackFault, remaining: Int)] = [:]
    }

    /// The state the server's threads and the test share.
    private final class Ledger: Sendable {
        let state = Mutex(State())
    }

    private let ledger: Ledger
    private let server: TestServer

    /// The Web API's base address: `http://127.0.0.1:<port>/api`.
    let apiURL: String

    /// A fake on a free port; unless `listening`, the port refuses connections until `listen()`.
    init(listening: Bool = true) throws {
        let ledger = Ledger()
        self.ledger = ledger
        server = try TestServer(listening: listening) { request in Self.answer(request, ledger: ledger) }
        apiURL = server.url("/api")
    }

    /// Runs `body` with a new fake, stopped when `body` returns or throws.
    static func serving(listening: Bool = true, _ body: (FaultySlackAPI) async throws -> Void) async throws {
        let api = try FaultySlackAPI(listening: listening)
        defer { api.stop() }
        try await body(api)
    }

    /// Starts accepting connections: the API comes up.
    func listen() throws {
        try server.listen()
    }

    /// Hangs up every connection and stops listening.
    func stop() {
        server.stop()
    }

    /// Fails the next `times` calls to `channel` with `fault` (every call until `heal` by default).
    func fail(_ channel: String, with fault: SlackFault, times: Int = .max) {
        ledger.state.withLock { $0.faults[channel] = (fault, times) }
    }

    /// Lets every call to `channel` succeed again.
    func heal(_ channel: String) {
        ledger.state.withLock { $0.faults[channel] = nil }
    }

    /// Every call received, answered or not, in arrival order.
    var received: [Call] { ledger.state.withLock { $0.received } }

    /// Every call answered `ok:true`, in arrival order.
    var accepted: [Call] { ledger.state.withLock { $0.accepted } }

    /// The texts of the `chat.postMessage` calls to `channel` that were answered `ok:true`, in order.
    func posted(to channel: String) -> [String] {
        accepted.filter { $0.method == "chat.postMessage" && $0.channel == channel }.map { $0.text ?? "" }
    }

    /// How many `chat.postMessage` calls to `channel` arrived, answered or not.
    func attempts(to channel: String) -> Int {
        received.filter { $0.method == "chat.postMessage" && $0.channel == channel }.count
    }

    /// Records `request` and picks its reply: the channel's fault while it has one, else success.
    private static func answer(_ request: ReceivedRequest, ledger: Ledger) -> TestReply {
        let json = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
        let method = request.target.split(separator: "/").last.map(String.init) ?? ""
        let call = Call(method: method, channel: json?["channel"] as? String, text: json?["text"] as? String)
        return ledger.state.withLock { state in
            state.received.append(call)
            if let channel = call.channel, let (fault, remaining) = state.faults[channel] {
                state.faults[channel] = remaining > 1 ? (fault, remaining - 1) : nil
                return fault.reply
            }
            state.accepted.append(call)
            return SlackFault.okReply
        }
    }
}
