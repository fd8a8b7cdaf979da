import DeputyStore
import DeputyTestSupport
import Foundation
import Testing

/// The whole daemon against an HTTPS "Slack" whose certificate no one trusts: libcurl refuses the
/// handshake, so the server never reads a request, nothing counts as delivered, and each message
/// is tried again with backoff until it expires into a dead letter.
@Suite("Outbound faults, live: TLS with an untrusted certificate")
struct OutboundTLSLiveTests {
    @Test("a self-signed certificate is refused: never delivered, retried, then dead letters once expired")
    func untrustedCertificate() async throws {
        let server = try await SelfSignedTLSServer.start()
        defer { server.stop() }
        let faulty = FaultScene.faulty
        let yaml = "host: 127.0.0.1\ndelivery:\n  expiry: 30m\n"
        try await FaultScene.run(apiURL: "https://127.0.0.1:\(server.port)/api", yaml: yaml) { scene in
            try await scene.queueDecisions { true }
            try await scene.lapseHealthyTimebox()
            #expect(try await scene.followUpCommitted(), "the scheduler fired while Slack could not be reached")
            _ = await scene.drive(step: 5, steps: 3) { false }
            let refused = try await scene.outbox(faulty)
            #expect(refused.map(\.state) == [.pending, .pending, .pending])
            #expect((refused.first?.attempts ?? 0) >= 2, "tried again with backoff")
            #expect(
                refused.first?.lastError?.contains("CurlError.tls") == true
                    && refused.first?.lastError?.contains("certificate") == true,
                "\(refused.first?.lastError ?? "no error")")

            let expired = try await scene.drive(step: 60, steps: 40) {
                try await scene.outbox(faulty).allSatisfy { $0.state == .dead }
            }
            #expect(expired, "given up once expired")
            let dead = try scene.deadLetters().filter { $0.channel == FaultScene.key(faulty) }
            #expect(dead.count == 3)
            let reasons = dead.compactMap(\.lastError)
            #expect(reasons.count == 3 && reasons.allSatisfy { $0.hasPrefix("expired; ") }, "\(reasons)")
            #expect(
                reasons.contains { $0.contains("last try: CurlError.tls") && $0.contains("certificate") },
                "a dead letter says why its tries failed: \(reasons)")
            #expect(try await scene.outbox(faulty).allSatisfy { $0.deliveredAt == nil }, "never reported delivered")
        }
        #expect(server.errors.contains("alert unknown ca"), "the client refused the certificate: \(server.errors)")
        #expect(!server.output.contains("POST"), "no request crossed the refused handshake: \(server.output)")
    }
}
