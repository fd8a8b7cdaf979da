import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// One answer a stateful fake platform gives, made while its state is locked and sent after:
/// a status, headers and bytes, so it can leave the lock whole.
struct FakeReply: Sendable {
    /// The HTTP status.
    var status: Int
    /// Headers beyond `Content-Type`.
    var headers: [String: String] = [:]
    /// The body; empty for none.
    var body: Data = Data()

    /// A JSON answer: `object` written with sorted keys.
    static func json(_ status: Int, _ object: [String: Any], headers: [String: String] = [:]) -> FakeReply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return FakeReply(status: status, headers: headers, body: data)
    }

    /// A JSON answer that is an array.
    static func json(_ status: Int, array: [Any]) -> FakeReply {
        let data = (try? JSONSerialization.data(withJSONObject: array, options: [.sortedKeys])) ?? Data("[]".utf8)
        return FakeReply(status: status, body: data)
    }

    /// An answer with no body, such as a 204.
    static func empty(_ status: Int) -> FakeReply {
        FakeReply(status: status)
    }

    /// The answer as Hummingbird sends it, JSON typed when it has a body.
    var response: Response {
        var fields: HTTPFields = [:]
        if !body.isEmpty { fields[.contentType] = "application/json" }
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A request's whole body, up to a megabyte.
    static func body(of request: Request) async throws -> Data {
        Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
    }

    /// `data` as a JSON object, or an empty one when it is anything else.
    static func object(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
