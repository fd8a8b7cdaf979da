import DeputyCore
import DeputyStore
import Foundation

/// Copies one store into another through the port (an SQLite file into the PostgreSQL replicas
/// will share): every incident with its whole log, the messages still waiting to be sent, and
/// the channels' names. The target must be empty; the source is only read.
///
/// Not copied: delivered messages and dead letters (history the outbox prunes anyway), the
/// request keys of the last day (a platform's retry of a command sent just before the move
/// could be applied twice: stop Deputy before moving), and the timeline links' secret (links
/// handed out stop working unless `DEPUTY_LINK_SECRET` is set).
public enum StoreMigration {
    /// What was copied.
    public struct Report: Equatable, Sendable, CustomStringConvertible {
        public var incidents = 0
        public var events = 0
        public var messages = 0
        public var channelNames = 0

        public var description: String {
            "copied \(Self.count(incidents, "incident")) (\(Self.count(events, "event"))), "
                + "\(Self.count(messages, "message")) waiting to be sent, \(Self.count(channelNames, "channel name"))"
        }

        static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
    }

    /// Why a copy did not happen, or stopped.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The target holds incidents or pending messages already.
        case targetNotEmpty(incidents: Int, pending: Int)
        /// The target refused a commit (it changed while the copy ran).
        case refused(IncidentID?, CommitResult)

        public var description: String {
            switch self {
            case .targetNotEmpty(let incidents, let pending):
                "the target is not empty (\(Report.count(incidents, "incident")), \(Report.count(pending, "message")) "
                    + "waiting): "
                    + "copy only into a new, empty database"
            case .refused(let id, let result):
                "the target refused \(id.map { "\($0)" } ?? "a message") (\(result)): did something else write to it?"
            }
        }
    }

    /// Copies `source` into the empty `target`, `batch` incidents per transaction; `rules` give
    /// each incident's stored projection (its next deadline).
    public static func copy(
        from source: any IncidentStore, to target: any IncidentStore, rules: Rules, batch: Int = 64
    ) async throws -> Report {
        let present = try await target.maxIncidentNumber()
        let pending = try await target.pendingCount()
        guard present == 0, pending == 0 else { throw Problem.targetNotEmpty(incidents: present, pending: pending) }
        var report = Report()
        let incidents = try await source.loadIncidents(where: .all).sorted { $0.id < $1.id }
        for chunk in stride(from: 0, to: incidents.count, by: batch) {
            var commits: [Commit] = []
            for incident in incidents[chunk..<min(chunk + batch, incidents.count)] {
                guard let log = try await source.log(of: incident.id) else { continue }
                commits.append(
                    Commit(
                        at: Date(), opening: Commit.Opening(incident),
                        append: Commit.Append(log.records, to: incident, rules: rules)))
                report.events += log.records.count
            }
            for (commit, result) in zip(commits, try await target.commit(commits)) where result != .applied {
                throw Problem.refused(commit.opening?.id, result)
            }
            report.incidents += commits.count
        }
        var after: Int64 = 0
        while true {
            let rows = try await source.pendingMessages(after: after, limit: 500)
            guard let last = rows.last else { break }
            let messages = rows.map { Commit.Message($0.message, notBefore: $0.notBefore, expiresAt: $0.expiresAt) }
            let result = try await target.commit([Commit(at: Date(), messages: messages)])
            guard result == [.applied] else { throw Problem.refused(nil, result.first ?? .applied) }
            report.messages += rows.count
            after = last.id
        }
        for (channel, name) in try await source.channelNames() {
            try await target.rememberChannelName(name, for: channel)
            report.channelNames += 1
        }
        return report
    }
}
