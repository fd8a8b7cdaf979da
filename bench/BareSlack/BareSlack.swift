import DeputyChat
import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The framework ceiling for Slack's slash commands: a bare Hummingbird route that does what
/// Deputy's route does before and after the desk, and nothing else. It checks the body's size,
/// collects it, verifies the signature with DeputyChat's `SlackSignature`, reads the form with
/// DeputyChat's `FormDecoder` (through `SlashCommandRequest`), and answers with the JSON Deputy
/// sends for a note or an assignment, built and encoded the same way (`SlackResponse` and its
/// blocks, sorted keys).
/// No desk, no store, no request log.
///
///     SLACK_SIGNING_SECRET=… bare-slack [--port 8091] [--host 127.0.0.1]
@main
enum BareSlack {
    static func main() async throws {
        var host = "127.0.0.1"
        var port = 8091
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--port": port = Int(arguments.next() ?? "") ?? port
            case "--host": host = arguments.next() ?? host
            default:
                FileHandle.standardError.write(Data("usage: bare-slack [--host H] [--port P]\n".utf8))
                exit(2)
            }
        }
        guard let secret = ProcessInfo.processInfo.environment["SLACK_SIGNING_SECRET"], !secret.isEmpty else {
            FileHandle.standardError.write(Data("bare-slack: set SLACK_SIGNING_SECRET\n".utf8))
            exit(2)
        }
        let signature = SlackSignature(signingSecret: secret)
        let maxBodyBytes = 65_536
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.post(RouterPath(SlackManifest.commandsPath)) { request, _ -> Response in
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                return plain(.contentTooLarge, "request body over \(maxBodyBytes) bytes")
            }
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            let body = Data(buffer.readableBytesView)
            do {
                try signature.verify(
                    body: body, timestamp: request.headers[timestampHeader],
                    signature: request.headers[signatureHeader], now: Date())
            } catch {
                return plain(.unauthorized, "\(error)")
            }
            let decoded: SlashCommandRequest
            do {
                decoded = try SlashCommandRequest(body: body)
            } catch {
                return plain(.badRequest, "\(error)")
            }
            guard case .command(let slash) = decoded else { return Response(status: .ok) }
            return json(answer(to: slash))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "BareSlack"))
        try await app.runService()
    }

    static let timestampHeader = HTTPField.Name(SlackSignature.timestampHeader) ?? .contentType
    static let signatureHeader = HTTPField.Name(SlackSignature.signatureHeader) ?? .contentType

    /// The answer Deputy gives the benchmark's two commands, byte for byte: "Noted on the
    /// timeline." to the person for a note; for `assign <@U…|name> <task> in 5m`, the assignment
    /// in the channel with its "Understood" button (the task number aside: always T1 here).
    static func answer(to slash: SlashCommand) -> Data {
        let response: SlackResponse
        if slash.text.hasPrefix("assign ") {
            let words = slash.text.split(separator: " ", maxSplits: 2)
            let mention = words.count > 1 ? words[1] : ""
            let owner = mention.split(separator: "|").first.map { $0 + ">" } ?? ""
            var task = words.count > 2 ? words[2] : ""
            if task.hasSuffix(" in 5m") { task = task.dropLast(6) }
            let text =
                "\(owner), I'd like you to \(task). I'll come back to you in 5 minutes. Understood?\n"
                + "That is T1. Type /ic ack to confirm."
            let button = SlackElement.button(label: "Understood", action: .ack(TaskID(1)), primary: true)
            response = SlackResponse(visibility: .inChannel, text: text, blocks: [.section(text), .actions([button])])
        } else {
            response = SlackResponse(visibility: .ephemeral, text: "Noted on the timeline.")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(response)) ?? Data("{}".utf8)
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ data: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
