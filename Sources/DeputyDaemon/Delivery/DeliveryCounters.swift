import CoreMetrics
import Metrics

/// Delivery's metrics: messages delivered, retried and dead, the outbox's depth, and pages by
/// outcome (`deputy_pages_total{outcome="delivered"}`).
struct DeliveryCounters: Sendable {
    let delivered: Counter
    let retries: Counter
    let deadLetters: Counter
    let depth: Gauge
    let pagesDelivered: Counter
    let pagesRetried: Counter
    let pagesDead: Counter

    init(factory: any MetricsFactory) {
        delivered = Counter(label: "deputy_deliveries_total", factory: factory)
        retries = Counter(label: "deputy_delivery_retries_total", factory: factory)
        deadLetters = Counter(label: "deputy_dead_letters_total", factory: factory)
        depth = Gauge(label: "deputy_outbox_depth", factory: factory)
        pagesDelivered = Counter(label: "deputy_pages_total", dimensions: [("outcome", "delivered")], factory: factory)
        pagesRetried = Counter(label: "deputy_pages_total", dimensions: [("outcome", "retried")], factory: factory)
        pagesDead = Counter(label: "deputy_pages_total", dimensions: [("outcome", "dead")], factory: factory)
    }
}
