import CurlHTTP
import DeputyChat
import Foundation

/// Sends a room call's requests over real HTTP with libcurl, as delivery will, and reads the
/// answers with the same API: the first answer that is not "done" is the call's, else the last.
struct RoomDriver<API: RoomAPI>: Sendable {
    let api: API
    let client: CurlHTTPClient

    /// What `call` came to.
    func call(_ call: RoomCall) async throws -> RoomCallResult {
        var result = RoomCallResult.done(id: nil, name: nil)
        for request in api.requests(for: call) {
            let response = try await client.send(
                HTTPClientRequest(
                    method: request.method, url: request.url, headers: request.headers.map { ($0.key, $0.value) },
                    body: Array(request.body), connectTimeout: .seconds(5), totalTimeout: .seconds(10)))
            result = api.result(of: call, status: response.status, headers: response.headers, body: Data(response.body))
            guard case .done = result else { return result }
        }
        return result
    }
}
