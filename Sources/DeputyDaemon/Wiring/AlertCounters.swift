import CoreMetrics
import Metrics
import Synchronization

/// Alerts by route and outcome: `deputy_alerts_total{route="checkout-latency",outcome="recorded"}`.
final class AlertCounters: Sendable {
    private let factory: any MetricsFactory
    private let counters = Mutex<[String: Counter]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func count(route: String, outcome: String) {
        let counter = counters.withLock { counters in
            let key = "\(route)\u{0}\(outcome)"
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: "deputy_alerts_total", dimensions: [("route", route), ("outcome", outcome)], factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }
}
