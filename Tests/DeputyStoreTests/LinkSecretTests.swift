import DeputyTestSupport
import Foundation
import GRDB
import Testing

@testable import DeputyStore

@Suite("The timeline links' secret kept in the store")
struct LinkSecretTests {
    @Test("made once at the first ask, the same after the store is closed and opened again")
    func keptAcrossReopen() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deputy.sqlite")
        let first = try DeputyStore.open(path: path)
        let secret = try first.linkSecret()
        #expect(secret.count == 32)
        #expect(try first.linkSecret() == secret, "asked again: the same")
        try first.close()
        let again = try DeputyStore.open(path: path)
        #expect(try again.linkSecret() == secret)
    }

    @Test("two stores make two different secrets")
    func random() throws {
        #expect(try DeputyStore.inMemory().linkSecret() != DeputyStore.inMemory().linkSecret())
    }

    @Test("a damaged stored value is replaced, never used")
    func damagedReplaced() throws {
        let store = try DeputyStore.inMemory()
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('link_secret', 'not hex')")
        }
        let secret = try store.linkSecret()
        #expect(secret.count == 32)
        #expect(try store.linkSecret() == secret)
    }

    @Test("hex reading", arguments: [("00ff10", [0, 255, 16] as [UInt8]?), ("0A", [10]), ("abc", nil), ("zz", nil)])
    func hex(text: String, bytes: [UInt8]?) {
        #expect(DeputyStore.bytes(hex: text) == bytes)
    }
}
