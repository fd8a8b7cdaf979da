import DeputyPostgres
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging

/// A store backend the contract runs against, and how to get a fresh, empty store of it.
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqliteMemory = "SQLite in memory"
    case sqliteFile = "SQLite on file"
    case postgres = "PostgreSQL"

    var description: String { rawValue }

    /// Runs `body` on a fresh, empty, migrated store of this backend, running while `body` does,
    /// and removes whatever it left afterwards, whatever happens.
    func withStore(_ body: (any IncidentStore) async throws -> Void) async throws {
        switch self {
        case .sqliteMemory:
            try await body(SQLiteStore(try DeputyStore.inMemory()))
        case .sqliteFile:
            let folder = try TemporaryFolder()
            let store = SQLiteStore(try DeputyStore.open(path: folder.file("deputy.sqlite")))
            do {
                try await body(store)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
            withExtendedLifetime(folder) {}
        case .postgres:
            let store = try Self.postgres()
            try await store.whileRunning {
                try await store.migrate()
                try await body(store)
            }
        }
    }

    /// A PostgreSQL store on a fresh database of the test cluster, not yet running.
    static func postgres(_ address: String? = nil) throws -> PostgresStore {
        let location = try PostgresLocation(parsing: try address ?? TestPostgres.freshDatabase())
        return PostgresStore(location, logger: Logger(label: "deputy.test.postgres"))
    }
}
