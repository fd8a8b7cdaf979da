import DeputyCore

/// What a signal from outside did: an alert a route sent to a channel, or a pager's report on one
/// of Deputy's pages.
public enum SignalOutcome: Sendable, Equatable {
    /// Recorded (and what it says queued).
    case recorded
    /// The same news came before: nothing was done again.
    case duplicate
    /// It changes nothing (a page Deputy never sent, a repeat the incident already knew).
    case ignored
    /// The store could not be read or written: nothing was changed; the sender may try again.
    case unavailable
}

/// The desk the alert routes hand alerts and pagers' reports to; the daemon implements it.
public protocol SignalDesk: Sendable {
    /// Alerts for `channel` (one route's group from one request, all firing or all resolved), with
    /// what their route says to do, said in one message; the outcome of each, in order.
    func alerts(
        _ batch: [IncomingAlert], _ action: AlertAction, severity: Severity, in channel: ChannelKey
    ) async -> [SignalOutcome]
    /// What a pager reported about incident `id`'s page to `service`, once per delivery `key`.
    func report(
        _ status: PagerStatus, on service: String, of id: IncidentID, by name: String?, key: String?
    ) async
        -> SignalOutcome
    /// The active incident with an open page to `service` (any case), the latest paged when
    /// several have one: where a pager's report that names no dedup key belongs.
    func openPage(toService service: String) async -> IncidentID?
}

extension SignalDesk {
    /// One alert for `channel`.
    public func alert(
        _ alert: IncomingAlert, _ action: AlertAction, severity: Severity, in channel: ChannelKey
    ) async -> SignalOutcome {
        await alerts([alert], action, severity: severity, in: channel).first ?? .unavailable
    }
}
