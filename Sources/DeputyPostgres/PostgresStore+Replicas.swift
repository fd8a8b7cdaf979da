import CoreMetrics
import DeputyCore
import DeputyStore
import Foundation
import Logging
import PostgresNIO

extension PostgresStore {
    /// The channel every commit notifies on.
    static let changesChannel = "deputy_changes"

    /// How long a deadline claim lasts: a fire takes milliseconds; a replica killed mid-fire
    /// leaves its claim to lapse this soon, well inside the 5 seconds in which another must fire.
    static let claimDuration: Double = 2

    /// Claims the incident's due deadline for `claimDuration`, unless another replica's claim
    /// still runs: one conditional update of the incident's row.
    public func claimDeadline(of id: IncidentID, now: Date) async throws -> DeadlineClaim {
        let at = now.timeIntervalSince1970
        let rows = try await client.query(
            """
            WITH claimed AS (
                UPDATE incident SET deadline_claimed_by = \(replica), deadline_claimed_until = \(at + Self.claimDuration)
                WHERE id = \(id.number) AND (deadline_claimed_until IS NULL OR deadline_claimed_until < \(at)
                    OR deadline_claimed_by = \(replica))
                RETURNING id)
            SELECT (SELECT COUNT(*) FROM claimed)::bigint, deadline_claimed_until FROM incident WHERE id = \(id.number)
            """, logger: logger)
        for try await (won, until) in rows.decode((Int, Double?).self) {
            if won > 0 {
                counters.claimsWon.increment()
                return .claimed
            }
            counters.claimsLost.increment()
            return .heldElsewhere(until: Date(timeIntervalSince1970: until ?? at + Self.claimDuration))
        }
        return .claimed  // No such incident: nothing to fire, and nothing to wait for.
    }

    /// Listens on `changesChannel` on a connection of its own: `.listening` once listening, then
    /// each commit's deadlines and queued messages.
    public func listen(_ heard: @escaping @Sendable (StoreChange) async -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.changesChannel) { notifications in
                await heard(.listening)
                for try await notification in notifications {
                    if let change = Self.change(from: notification.payload) { await heard(change) }
                }
            }
        }
    }

    /// The payload a commit's notification carries: `d <incident> <seconds since 1970 or ->`,
    /// or `o` for queued messages.
    static func payload(deadlineOf id: IncidentID, _ at: Date?) -> String {
        "d \(id.number) \(at.map { String($0.timeIntervalSince1970) } ?? "-")"
    }

    /// The change a payload describes; nil for one this build does not know.
    static func change(from payload: String) -> StoreChange? {
        let parts = payload.split(separator: " ")
        switch parts.first {
        case "o":
            return .outbox
        case "d" where parts.count == 3:
            guard let number = Int(parts[1]) else { return nil }
            let at = Double(parts[2]).map(Date.init(timeIntervalSince1970:))
            return .deadline(IncidentID(number), at)
        default:
            return nil
        }
    }
}
