import DeputyCore
import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyStore

/// What a crash or a power loss leaves: the database, its write-ahead log and its shared
/// memory file as they were at one moment, copied together while the store was open.
@Suite("Opening a store its last process never closed: checked, then served or refused")
struct StoreRecoveryTests {
    @Test("a new store has nothing to check, and a store closed cleanly is not checked again")
    func cleanRunsAreNotChecked() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        #expect(store.previousRun == .none)
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: Fixtures.alice)
        try store.close()
        let again = try DeputyStore.open(path: path)
        #expect(again.previousRun == .endedCleanly)
        #expect(try again.incident(IncidentID(1))?.title == "db down")
    }

    @Test("a snapshot of an open store is checked at start-up, and every commit in it is there")
    func snapshotIsCheckedAndWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("live/deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: Fixtures.alice)
        try desk.say("note replica lag is 40s", by: Fixtures.alice)
        let copy = try Self.snapshot(of: path, into: folder.file("copy"))
        #expect(FileManager.default.fileExists(atPath: copy + "-wal"), "the commits were still in the log")

        let recovered = try DeputyStore.open(path: copy)
        guard case .endedUncleanly = recovered.previousRun else {
            Issue.record("an unclosed store was not checked: \(recovered.previousRun)")
            return
        }
        #expect(
            try recovered.incident(IncidentID(1))?.eventCount == desk.desk.incidents[IncidentID(1)]?.eventCount)
        try recovered.close()
        let log = try? FileManager.default.attributesOfItem(atPath: copy + "-wal")[.size] as? NSNumber
        #expect((log?.intValue ?? 0) == 0, "a clean close leaves no log to replay")
        #expect(try DeputyStore.open(path: copy).previousRun == .endedCleanly)
        withExtendedLifetime(store) {}
    }

    @Test("a log that lost events is refused with a clear message, and the files are left as they were")
    func logWithMissingEventsIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("live/deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: Fixtures.alice)
        // What a torn copy can leave: a projection that counts events the log does not hold.
        try store.writer.write { try $0.execute(sql: "UPDATE incident SET event_count = event_count + 2") }
        let copy = try Self.snapshot(of: path, into: folder.file("copy"))
        let before = try Self.contents(of: copy)

        #expect {
            try DeputyStore.open(path: copy)
        } throws: { error in
            guard case StoreError.damaged(let damaged, let problems) = error else { return false }
            let message = (error as? StoreError)?.description ?? ""
            return damaged == copy && problems.contains { $0.contains("INC-1's log should hold events 1 to") }
                && message.contains("was not closed cleanly") && message.contains("left as it is")
        }
        #expect(try Self.contents(of: copy) == before, "a refused store is left byte for byte")
        withExtendedLifetime(store) {}
    }

    @Test("a page SQLite cannot read is found by the check and refused, not served")
    func corruptPageIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("live/deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        var desk = CommittingDesk(store: store)
        try desk.say("declare db down", by: Fixtures.alice)
        for n in 1...300 { try desk.say("note dashboard \(n) shows the error rate at \(n)%", by: Fixtures.alice) }
        // Move everything into the database file, then copy that file alone: it still says a
        // process has it open.
        let (logPages, moved) = try store.checkpoint()
        #expect(logPages == moved)
        let copyFolder = folder.file("copy")
        try FileManager.default.createDirectory(atPath: copyFolder, withIntermediateDirectories: true)
        let copy = copyFolder + "/deputy.sqlite"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        // Scribble over a page near the end of the file: one of the event table's.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        let pageSize = 4096
        let page = bytes.count / pageSize - 2
        #expect(page > 2)
        bytes.replaceSubrange(page * pageSize + 8..<page * pageSize + 1024, with: Data(repeating: 0x5A, count: 1016))
        try bytes.write(to: URL(fileURLWithPath: copy))

        #expect {
            try DeputyStore.open(path: copy)
        } throws: { error in
            guard case StoreError.damaged(_, let problems) = error else { return false }
            return !problems.isEmpty
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytes, "a refused store is left byte for byte")
        withExtendedLifetime(store) {}
    }

    @Test("snapshots taken while commands commit each open whole, or are refused; never served damaged")
    func snapshotsUnderWrites() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("live/deputy.sqlite")
        let store = try DeputyStore.open(path: path)
        let writing = Task.detached {
            var desk = CommittingDesk(store: store)
            try desk.say("declare db down", by: Fixtures.alice)
            var n = 0
            while !Task.isCancelled {
                n += 1
                try desk.say("note reading \(n) of the replica lag", by: Fixtures.alice)
                if n.isMultiple(of: 50) { try store.checkpoint() }
            }
            return n
        }
        var opened = 0
        var refused: [String] = []
        for round in 0..<20 {
            try await Task.sleep(for: .milliseconds(15))
            let copy = try Self.snapshot(of: path, into: folder.file("copy-\(round)"))
            do {
                let recovered = try DeputyStore.open(path: copy)
                // Served: so the check passed; the log reads back whole.
                #expect(try await recovered.writer.read { try DeputyStore.integrityProblems($0) } == [])
                if let incident = try recovered.incident(IncidentID(1)) {
                    #expect(incident.title == "db down")
                }
                try recovered.close()
                opened += 1
            } catch let error as StoreError {
                guard case .damaged = error else {
                    Issue.record("a snapshot was refused for another reason: \(error)")
                    continue
                }
                refused.append(error.description)
            }
        }
        writing.cancel()
        let commands = try await writing.value
        #expect(commands > 20, "the writer went on while the copies were taken")
        #expect(opened + refused.count == 20)
        try store.close()
    }

    /// Copies the database and whichever of its `-wal` and `-shm` files exist into `folder`,
    /// one after the other as a backup tool or a crash would see them; returns the copy's path.
    static func snapshot(of path: String, into folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = folder + "/deputy.sqlite"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            let data = try Data(contentsOf: URL(fileURLWithPath: path + suffix))
            try data.write(to: URL(fileURLWithPath: copy + suffix))
        }
        return copy
    }

    /// The bytes of the database and its write-ahead log, to show a refused open changed
    /// neither. (The `-shm` file is SQLite's index of the log, rebuilt by whoever opens it.)
    static func contents(of path: String) throws -> [Data] {
        try ["", "-wal"].map { suffix in try Data(contentsOf: URL(fileURLWithPath: path + suffix)) }
    }
}
