import CurlHTTP
import DeputyTestSupport
import Testing

/// Requests that get no response: each fails with a thrown `CurlError` of the right kind.
@Suite(.timeLimit(.minutes(1)))
struct CurlHTTPClientFailureTests {
    @Test func aRefusedConnectionIsAConnectionError() async throws {
        let closed = try LoopbackSocket()
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: "http://127.0.0.1:\(closed.port)/"))
        }

        #expect(error?.kind == .connection)
        #expect(error?.code == 7)
    }

    @Test func httpsToAClosedPortThrows() async throws {
        let closed = try LoopbackSocket()
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: "https://127.0.0.1:\(closed.port)/"))
        }

        #expect(error?.kind == .connection)
    }

    @Test func httpsToAPlainHTTPServerIsATLSError() async throws {
        let server = try TestServer(greeting: Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8))
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: "https://127.0.0.1:\(server.port)/"))
        }

        #expect(error?.kind == .tls)
    }

    @Test func aStalledServerTimesOutOnTime() async throws {
        let server = try TestServer { _ in .hold }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        var arrivals = server.arrivals.makeAsyncIterator()
        var hangUps = server.hangUps.makeAsyncIterator()

        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: server.url(), totalTimeout: .milliseconds(300)))
        }

        #expect(error?.kind == .timeout)
        #expect(error?.code == 28)
        let arrived = try #require(await arrivals.next()).arrivedAt
        let hungUp = try #require(await hangUps.next())
        #expect(hungUp - arrived < .seconds(2))
    }

    @Test func aDeclaredLengthOverTheCapIsRefused() async throws {
        let server = try TestServer { _ in .respond(status: 200, body: [UInt8](repeating: 1, count: 100 * 1024)) }
        defer { server.stop() }
        let client = try CurlHTTPClient(configuration: .init(maximumResponseSize: 64 * 1024))
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: server.url()))
        }

        #expect(error?.kind == .responseTooLarge)
        #expect(error?.code == 63)
    }

    @Test func anUnframedBodyIsCutOffAtTheCap() async throws {
        let server = try TestServer { _ in .unframed(body: [UInt8](repeating: 1, count: 100 * 1024)) }
        defer { server.stop() }
        let client = try CurlHTTPClient(configuration: .init(maximumResponseSize: 64 * 1024))
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: server.url()))
        }

        #expect(error?.kind == .responseTooLarge)
        #expect(error?.code == 23)
        #expect(error?.message == "the response is larger than 65536 bytes")
    }

    @Test(arguments: [
        HTTPClientRequest(url: "http://127.0.0.1:1/", headers: [("X-Injected", "a\r\nHost: evil")]),
        HTTPClientRequest(url: "http://127.0.0.1:1/", headers: [("Bad Name", "value")]),
        HTTPClientRequest(method: "GET /other", url: "http://127.0.0.1:1/"),
        HTTPClientRequest(method: "", url: "http://127.0.0.1:1/"),
        HTTPClientRequest(url: "http://127.0.0.1:1/\u{0}"),
    ])
    func aRequestThatWouldSplitOnTheWireIsRefused(request: HTTPClientRequest) async throws {
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) { try await client.send(request) }

        #expect(error?.kind == .invalidRequest)
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/", "not a url", ""])
    func onlyHTTPAndHTTPSAreSpoken(url: String) async throws {
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let error = await #expect(throws: CurlError.self) { try await client.send(HTTPClientRequest(url: url)) }

        #expect(error?.kind == .invalidRequest)
    }
}
