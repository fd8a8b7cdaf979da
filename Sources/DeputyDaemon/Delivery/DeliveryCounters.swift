import CoreMetrics
import Metrics

/// Delivery's metrics: messages delivered, retried and dead, and the outbox's depth.
struct DeliveryCounters: Sendable {
    let delivered: Counter
    let retries: Counter
    let deadLetters: Counter
    let depth: Gauge

    init(factory: any MetricsFactory) {
        delivered = Counter(label: "deputy_deliveries_total", factory: factory)
        retries = Counter(label: "deputy_delivery_retries_total", factory: factory)
        deadLetters = Counter(label: "deputy_dead_letters_total", factory: factory)
        depth = Gauge(label: "deputy_outbox_depth", factory: factory)
    }
}
