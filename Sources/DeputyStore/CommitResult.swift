import DeputyCore

/// What became of one commit of a batch.
public enum CommitResult: Hashable, Sendable {
    /// Its changes are durable.
    case applied
    /// One of its request keys had been seen before: nothing of it was applied. The caller
    /// drops the in-memory change it made for this request (reload the incident) and answers
    /// as for a retried request.
    case duplicate(key: String)
    /// It was decided against a state the store no longer has (another replica, or a state that
    /// drifted, got there first): nothing of it was applied. The caller reads again what the
    /// conflict names, decides again, and commits that.
    case conflict(CommitConflict)
}

/// How a commit's decision was out of step with the store.
public enum CommitConflict: Hashable, Sendable {
    /// The incident's log holds events the decision did not see.
    case logMoved(IncidentID)
    /// The channel already has an active incident.
    case channelBusy(ChannelKey)
    /// The incident number was handed out already.
    case numberTaken(IncidentID)
}
