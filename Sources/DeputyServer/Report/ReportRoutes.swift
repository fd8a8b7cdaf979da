import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /report?since=…&channel=…&expires=…&sig=…`: the practice report of the incidents closed
/// in a window, as an HTML page, for whoever holds a signed link from `deputy report`. A link
/// that is missing, forged, expired or altered gets the timeline page's one 404 before anything
/// is read.
public struct ReportRoutes: Sendable {
    /// The page's path.
    public static let path = "/report"

    let links: TimelineLinks
    let page: ReportPage
    let source: any PracticeReportSource
    /// The time the window ends at.
    let now: @Sendable () -> Date

    public init(
        links: TimelineLinks, page: ReportPage, source: any PracticeReportSource,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.links = links
        self.page = page
        self.source = source
        self.now = now
    }

    /// Adds the route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(Self.path)) { request, _ in
            await report(request)
        }
    }

    func report(_ request: Request) async -> Response {
        let parameters = request.uri.queryParameters
        guard
            let query = links.verifyReport(
                since: parameters.get("since"), channel: parameters.get("channel"),
                expires: parameters.get("expires"), signature: parameters.get("sig"))
        else { return TimelineRoutes.notFound }
        let now = now()
        let report: PracticeReport
        do {
            report = try await source.report(query, at: now)
        } catch {
            return .plain(.serviceUnavailable, "the report cannot be read just now\n")
        }
        let html = page.render(report, query: query, now: now) { links.link(for: $0)?.url }
        var headers = TimelineRoutes.pageHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
