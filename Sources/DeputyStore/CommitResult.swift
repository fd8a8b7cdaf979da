/// What became of one commit of a batch.
public enum CommitResult: Hashable, Sendable {
    /// Its changes are durable.
    case applied
    /// One of its request keys had been seen before: nothing of it was applied. The caller
    /// drops the in-memory change it made for this request (reload the incident) and answers
    /// as for a retried request.
    case duplicate(key: String)
}
