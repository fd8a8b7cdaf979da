import DeputyPostgres
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

/// `sslmode` as libpq reads it, against the test cluster's TLS (a self-signed certificate).
@Suite("PostgreSQL over TLS")
struct PostgresTLSTests {
    func store(_ sslMode: String) throws -> PostgresStore {
        let location = try PostgresLocation(parsing: try TestPostgres.freshDatabase(sslMode: sslMode))
        return PostgresStore(location, logger: Logger(label: "deputy.test.tls"))
    }

    @Test("sslmode=require connects encrypted without checking the certificate")
    func requireEncrypts() async throws {
        let store = try store("require")
        try await store.whileRunning {
            try await store.waitUntilReachable(within: .seconds(30))
            try await store.migrate()
            #expect(try await store.connectionIsEncrypted())
        }
    }

    @Test("sslmode=verify-full and verify-ca refuse a server whose certificate no trusted root signed")
    func verifyRefusesAnUntrustedServer() async throws {
        for mode in ["verify-full", "verify-ca"] {
            let store = try store(mode)
            await #expect(throws: PostgresStore.Unreachable.self, "\(mode)") {
                try await store.whileRunning { try await store.waitUntilReachable(within: .seconds(3)) }
            }
        }
    }

    @Test("sslmode=disable connects in the clear")
    func disableIsPlain() async throws {
        let store = try store("disable")
        try await store.whileRunning {
            try await store.waitUntilReachable(within: .seconds(30))
            #expect(try await !store.connectionIsEncrypted())
        }
    }
}
