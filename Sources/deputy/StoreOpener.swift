import ArgumentParser
import DeputyConfig
import DeputyPostgres
import DeputyStore
import Foundation
import Logging
import Metrics

/// The store the settings name: an SQLite file (`data/deputy.sqlite`, the default) or a
/// PostgreSQL database (`DEPUTY_DATABASE=postgres://…`), behind the one port every command uses.
enum StoreOpener {
    /// A store ready to use, and the SQLite file behind it when there is one (what only SQLite
    /// has: its lock, its checkpoints, the unclean-stop check).
    struct Opened {
        let store: any IncidentStore
        let sqlite: DeputyStore?
        /// The PostgreSQL store, to reach (and migrate, when serving) once its pool runs.
        let postgres: PostgresStore?
        /// Whether `using` brings the database's schema up to date first.
        let migrates: Bool
    }

    /// Opens the store for `deputy serve`: SQLite read-write (taking the file's lock), or a
    /// PostgreSQL client whose migrations `prepare` runs.
    static func openForServing(
        _ settings: DaemonSettings, logger: Logger, metrics: any MetricsFactory
    ) throws(ValidationError) -> Opened {
        if settings.usesPostgres {
            let store = PostgresStore(try location(settings), logger: logger, metrics: metrics)
            return Opened(store: store, sqlite: nil, postgres: store, migrates: true)
        }
        do {
            let file = try DeputyStore.open(path: settings.database)
            return Opened(store: SQLiteStore(file), sqlite: file, postgres: nil, migrates: false)
        } catch {
            throw ValidationError("cannot use the data file \(settings.database): \(error.localizedDescription)")
        }
    }

    /// Opens the store for the report commands: an SQLite file read-only (so they work beside a
    /// running `serve`), or PostgreSQL as it is (no migration: a reader changes nothing).
    static func openForReading(_ settings: DaemonSettings, logger: Logger) throws -> Opened {
        if settings.usesPostgres {
            let store = PostgresStore(try location(settings), logger: logger)
            return Opened(store: store, sqlite: nil, postgres: store, migrates: false)
        }
        let file = try DeputyStore.openForReading(path: settings.database)
        return Opened(store: SQLiteStore(file), sqlite: file, postgres: nil, migrates: false)
    }

    /// How long a command waits for PostgreSQL to answer at start before it gives up.
    static let reachWithin = Duration.seconds(15)

    /// Runs `body` with the store's background work (a PostgreSQL pool) going, once the database
    /// answers, after its migrations when it is opened for serving.
    static func using<T: Sendable>(_ opened: Opened, _ body: () async throws -> T) async throws -> T {
        try await opened.store.whileRunning {
            if let postgres = opened.postgres {
                do {
                    try await postgres.waitUntilReachable(within: reachWithin)
                    if opened.migrates { try await postgres.migrate() }
                } catch {
                    throw ValidationError("\(error)")
                }
            }
            return try await body()
        }
    }

    /// The PostgreSQL location `settings` give, the password from the environment first.
    static func location(_ settings: DaemonSettings) throws(ValidationError) -> PostgresLocation {
        do {
            return try PostgresLocation(parsing: settings.database, password: settings.databasePassword?.value)
        } catch {
            throw ValidationError("DEPUTY_DATABASE: \(error.description)")
        }
    }
}
