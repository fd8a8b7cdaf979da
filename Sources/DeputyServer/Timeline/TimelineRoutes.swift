import DeputyCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /incidents/{id}?expires=…&sig=…`: an incident's timeline as a printable HTML page, for
/// whoever holds a signed link from `/ic timeline`. Anything else (a wrong or missing signature,
/// an expired link, a link for another incident, a malformed id, an incident the store does not
/// hold) is the same 404, so a stranger learns nothing from trying.
public struct TimelineRoutes: Sendable {
    /// What the page's path starts with; the incident's id follows.
    public static let pathPrefix = "/incidents/"

    let links: TimelineLinks
    let page: TimelinePage
    let source: any TimelineSource
    /// The time that ends an active incident's durations.
    let now: @Sendable () -> Date

    public init(
        links: TimelineLinks, page: TimelinePage, source: any TimelineSource,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.links = links
        self.page = page
        self.source = source
        self.now = now
    }

    /// Adds the route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(Self.pathPrefix + ":id")) { request, context in
            await timeline(request, id: context.parameters.get("id") ?? "")
        }
    }

    func timeline(_ request: Request, id text: String) async -> Response {
        let query = request.uri.queryParameters
        guard let id = links.verify(id: text, expires: query.get("expires"), signature: query.get("sig")) else {
            return Self.notFound
        }
        let timeline: Timeline?
        do {
            timeline = try await source.timeline(of: id, at: now())
        } catch {
            return .plain(.serviceUnavailable, "the timeline cannot be read just now\n")
        }
        guard let timeline else { return Self.notFound }
        var headers = Self.pageHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(
            status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page.render(timeline))))
    }

    /// The one answer to every request that may not see a page.
    static var notFound: Response {
        var response = Response.plain(.notFound, "not found\n")
        for field in pageHeaders { response.headers[field.name] = field.value }
        return response
    }

    /// Kept out of caches, never sends the signed address on as a referrer, runs no script and
    /// loads nothing from elsewhere.
    static let pageHeaders: HTTPFields = {
        var fields: HTTPFields = [
            .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
                + "form-action 'none'; frame-ancestors 'none'",
        ]
        if let referrer = HTTPField.Name("Referrer-Policy") { fields[referrer] = "no-referrer" }
        return fields
    }()
}
