/// A rule one commit broke, before the batch says which commit it was
/// (`StoreError.commitFailed(index:reason:)`).
struct CommitRefusal: Error {
    /// What was wrong, in words.
    let reason: String
}
