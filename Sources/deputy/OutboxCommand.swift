import ArgumentParser
import DeputyConfig
import DeputyStore
import Foundation
import Logging

/// `deputy outbox`: what is waiting to be delivered, and the dead letters.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List the dead letters (messages that could not be delivered) and the queue's depth.")

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @Option(help: "How many dead letters to list, newest first.")
    var limit = 50

    func run() async throws {
        let settings: DaemonSettings
        do {
            settings = try DaemonSettingsLoader.load(file: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
        let opened = try StoreOpener.openForReading(settings, logger: Logger(label: "deputy"))
        let (pending, dead) = try await StoreOpener.using(opened) {
            (try await opened.store.pendingCount(), try await opened.store.deadLetters(limit: limit))
        }
        print("pending: \(pending)")
        print("dead letters: \(dead.count)\(dead.count == limit ? "+" : "")")
        let formatter = ISO8601DateFormatter()
        for row in dead {
            let incident = row.incident.map { " \($0)" } ?? ""
            print(
                "#\(row.id)\(incident) \(row.channel) queued \(formatter.string(from: row.createdAt))"
                    + " attempts \(row.attempts): \(row.lastError ?? "no reason recorded")")
        }
    }
}
