/// The services `/ic page` can page, and how long a page may go unacknowledged before the IC is
/// told. The names come from the daemon's settings (`paging.services` in Config/deputy.yaml);
/// their secrets never reach the core.
public struct Paging: Hashable, Sendable {
    /// Each service by its name in lower case, with how it is paged.
    public var services: [String: Pager]
    /// A page not acknowledged this long after it went out is raised with the IC, privately.
    /// Nil: never.
    public var ackWithin: Span?

    public init(services: [String: Pager] = [:], ackWithin: Span? = .minutes(5)) {
        self.services = services
        self.ackWithin = ackWithin
    }

    /// The service named `name` (any case), with its pager.
    public func service(named name: String) -> (name: String, pager: Pager)? {
        let key = name.lowercased()
        return services[key].map { (key, $0) }
    }

    /// The service names, sorted.
    public var names: [String] { services.keys.sorted() }
}
