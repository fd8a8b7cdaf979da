import CurlHTTP
import DeputyTestSupport
import Testing

/// Requests that get a response: what goes out on the wire and what comes back.
@Suite(.timeLimit(.minutes(1)))
struct CurlHTTPClientExchangeTests {
    /// Echoes the method, target and `X-Probe` header in headers, and the body as the body.
    private static func echo(_ request: ReceivedRequest) -> TestReply {
        .respond(
            status: 200,
            headers: [
                ("X-Method", request.method), ("X-Target", request.target),
                ("X-Probe", request.headers["x-probe"] ?? "none"),
            ],
            body: request.body)
    }

    @Test func aGetSendsItsHeadersAndReadsTheResponse() async throws {
        let server = try TestServer(reply: Self.echo)
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let request = HTTPClientRequest(url: server.url("/status?q=1"), headers: [("X-Probe", "hello")])
        let response = try await client.send(request)

        #expect(response.status == 200)
        #expect(response.headers["x-method"] == "GET")
        #expect(response.headers["x-target"] == "/status?q=1")
        #expect(response.header("X-Probe") == "hello")
        #expect(response.body.isEmpty)
        var arrivals = server.arrivals.makeAsyncIterator()
        let received = try #require(await arrivals.next())
        #expect(received.headers["user-agent"] == "Deputy")
        #expect(received.headers["expect"] == nil)
    }

    @Test func aPostSendsItsBodyByteForByte() async throws {
        let server = try TestServer(reply: Self.echo)
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        let body: [UInt8] =
            Array(#"{"text":"Incident declared"}"#.utf8) + [0, 255, 13, 10] + Array(repeating: 7, count: 5000)

        let request = HTTPClientRequest(
            method: "POST", url: server.url("/api/chat.postMessage"),
            headers: [("Content-Type", "application/json"), ("X-Probe", "posted")], body: body)
        let response = try await client.send(request)

        #expect(response.status == 200)
        #expect(response.headers["x-method"] == "POST")
        #expect(response.headers["x-probe"] == "posted")
        #expect(response.body == body)
        var arrivals = server.arrivals.makeAsyncIterator()
        let received = try #require(await arrivals.next())
        #expect(received.headers["content-type"] == "application/json")
        #expect(received.headers["content-length"] == "\(body.count)")
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsGoAsWritten(method: String) async throws {
        let server = try TestServer(reply: Self.echo)
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        let body: [UInt8] = method == "DELETE" ? [] : Array("changed".utf8)

        let response = try await client.send(HTTPClientRequest(method: method, url: server.url(), body: body))

        #expect(response.headers["x-method"] == method)
        #expect(response.body == body)
    }

    @Test(arguments: [200, 201, 204, 400, 404, 429, 500, 503])
    func everyStatusIsAResponseNotAnError(status: Int) async throws {
        let server = try TestServer { _ in .respond(status: status) }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let response = try await client.send(HTTPClientRequest(url: server.url()))

        #expect(response.status == status)
    }

    @Test func aRateLimitCarriesItsRetryAfter() async throws {
        let server = try TestServer { _ in
            .respond(status: 429, headers: [("Retry-After", "7")], body: Array("slow down".utf8))
        }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let response = try await client.send(HTTPClientRequest(url: server.url()))

        #expect(response.status == 429)
        #expect(response.header("retry-after") == "7")
        #expect(response.header("RETRY-AFTER") == "7")
        #expect(response.body == Array("slow down".utf8))
    }

    @Test func repeatedResponseHeadersAreJoined() async throws {
        let server = try TestServer { _ in .respond(status: 200, headers: [("Vary", "Accept"), ("VARY", "Origin")]) }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let response = try await client.send(HTTPClientRequest(url: server.url()))

        #expect(response.headers["vary"] == "Accept, Origin")
    }

    @Test func redirectsAreReturnedNotFollowed() async throws {
        let server = try TestServer { request in
            request.target == "/moved"
                ? .respond(status: 302, headers: [("Location", "/elsewhere")]) : .respond(status: 200)
        }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let response = try await client.send(HTTPClientRequest(url: server.url("/moved")))

        #expect(response.status == 302)
        #expect(response.header("location") == "/elsewhere")
        var arrivals = server.arrivals.makeAsyncIterator()
        #expect(await arrivals.next()?.target == "/moved")
        server.stop()
        #expect(await arrivals.next() == nil)
    }

    @Test func aResponseUnderTheCapArrivesWhole() async throws {
        let body = [UInt8](repeating: 42, count: 60 * 1024)
        let server = try TestServer { _ in .unframed(body: body) }
        defer { server.stop() }
        let client = try CurlHTTPClient(configuration: .init(maximumResponseSize: 64 * 1024))
        defer { client.shutdown() }

        let response = try await client.send(HTTPClientRequest(url: server.url()))

        #expect(response.body == body)
    }
}
