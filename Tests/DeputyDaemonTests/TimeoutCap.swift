import CurlHTTP

/// A transport that lets no request wait longer than `total`: a short timeout for a test of a
/// platform that answers too slowly, where the adapters' own is seconds long and not a setting.
struct TimeoutCap: HTTPTransport {
    let transport: any HTTPTransport
    let total: Duration

    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        var request = request
        request.totalTimeout = min(request.totalTimeout, total)
        request.connectTimeout = min(request.connectTimeout, total)
        return try await transport.send(request)
    }
}
