import DeputyStore
import Foundation

/// A store backend the contract runs against, and how to get a fresh, empty store of it.
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqliteMemory = "SQLite in memory"
    case sqliteFile = "SQLite on file"

    var description: String { rawValue }

    /// A fresh, empty store; `cleanUp` removes whatever it left.
    func makeStore() async throws -> (store: any IncidentStore, cleanUp: @Sendable () async -> Void) {
        switch self {
        case .sqliteMemory:
            let store = SQLiteStore(try DeputyStore.inMemory())
            return (store, {})
        case .sqliteFile:
            let folder = NSTemporaryDirectory() + "deputy-contract-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let store = SQLiteStore(try DeputyStore.open(path: folder + "/deputy.sqlite"))
            return (
                store,
                {
                    try? await store.close()
                    try? FileManager.default.removeItem(atPath: folder)
                }
            )
        }
    }
}
