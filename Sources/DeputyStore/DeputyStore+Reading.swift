import Foundation
import GRDB

extension DeputyStore {
    /// Opens the store at `path` read-only, beside a running `serve` (which holds the lock):
    /// for `deputy outbox` and other looks. Writes through it fail; nothing is migrated.
    public static func openForReading(path: String) throws -> DeputyStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "there is no data file there yet")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let unknown = try queue.read { db in try migrator.appliedIdentifiers(db) }.subtracting(knownMigrations)
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
            return DeputyStore(reader: queue)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }
}
