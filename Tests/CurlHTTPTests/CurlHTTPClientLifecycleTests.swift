import CurlHTTP
import DeputyTestSupport
import Testing

/// Many requests, connection reuse, cancellation and shutdown.
@Suite(.timeLimit(.minutes(1)))
struct CurlHTTPClientLifecycleTests {
    @Test func twentyConcurrentRequestsAllComplete() async throws {
        let server = try TestServer { request in .respond(status: 200, body: Array(request.target.utf8)) }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let bodies = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for index in 0..<20 {
                group.addTask { (index, try await client.send(HTTPClientRequest(url: server.url("/\(index)"))).body) }
            }
            return try await group.reduce(into: [Int: [UInt8]]()) { $0[$1.0] = $1.1 }
        }

        #expect(bodies.count == 20)
        for (index, body) in bodies { #expect(body == Array("/\(index)".utf8)) }
    }

    @Test func sequentialRequestsReuseTheConnection() async throws {
        let server = try TestServer { _ in .respond(status: 200, body: Array("ok".utf8)) }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        for _ in 0..<5 {
            let response = try await client.send(HTTPClientRequest(url: server.url()))
            #expect(response.status == 200)
        }

        #expect(server.acceptedConnections == 1)
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try TestServer { _ in .hold }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }
        var arrivals = server.arrivals.makeAsyncIterator()
        var hangUps = server.hangUps.makeAsyncIterator()

        let task = Task { try await client.send(HTTPClientRequest(url: server.url())) }
        _ = await arrivals.next()
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await hangUps.next() != nil, "the server saw the client hang up")
    }

    @Test func aTaskCancelledBeforeSendingSendsNothing() async throws {
        let server = try TestServer { _ in .respond(status: 200) }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        defer { client.shutdown() }

        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(HTTPClientRequest(url: server.url()))
        }

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(server.acceptedConnections == 0)
    }

    @Test func shutdownFailsRequestsInFlightAndLater() async throws {
        let server = try TestServer { _ in .hold }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        var arrivals = server.arrivals.makeAsyncIterator()

        let task = Task { try await client.send(HTTPClientRequest(url: server.url())) }
        _ = await arrivals.next()
        client.shutdown()

        let inFlight = await #expect(throws: CurlError.self) { try await task.value }
        #expect(inFlight?.kind == .shutdown)
        let later = await #expect(throws: CurlError.self) {
            try await client.send(HTTPClientRequest(url: server.url()))
        }
        #expect(later?.kind == .shutdown)
    }

    @Test func aClientCanBeDroppedWithoutShutdown() async throws {
        let server = try TestServer { _ in .respond(status: 200) }
        defer { server.stop() }

        for _ in 0..<3 {
            let client = try CurlHTTPClient()
            #expect(try await client.send(HTTPClientRequest(url: server.url())).status == 200)
        }
    }
}
