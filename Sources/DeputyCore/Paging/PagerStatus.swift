/// What a pager reported about one of Deputy's pages.
public enum PagerStatus: String, Hashable, Sendable, Codable {
    /// Paged (again) in the pager.
    case triggered
    /// Someone on call acknowledged it.
    case acknowledged
    /// Resolved in the pager.
    case resolved
}
