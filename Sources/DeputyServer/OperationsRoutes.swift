import Hummingbird
import NIOCore

/// `GET /healthz` and `GET /metrics`.
public struct OperationsRoutes: Sendable {
    let health: any HealthProbe
    /// The metrics in Prometheus' text format.
    let metrics: @Sendable () -> String

    public init(health: any HealthProbe, metrics: @escaping @Sendable () -> String) {
        self.health = health
        self.metrics = metrics
    }

    /// Adds the routes to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/healthz") { _, _ in
            let (healthy, lines) = await health.check()
            let body = ([healthy ? "ok" : "unhealthy"] + lines).joined(separator: "\n") + "\n"
            return Response.plain(healthy ? .ok : .serviceUnavailable, body)
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics())))
        }
    }
}
