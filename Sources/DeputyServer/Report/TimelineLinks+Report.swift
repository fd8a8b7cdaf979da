import DeputyCore
import Foundation

extension TimelineLinks {
    /// The signed links to the report page: `<public url>/report?since=<window>[&channel=<name>]
    /// &expires=<unix seconds>&sig=<hex HMAC-SHA256 of "report:<window>:<expires>:<channel>">`,
    /// signed as the timeline's links are, with the same secret. What is signed never starts
    /// with `INC-`, so neither kind of link opens the other's page.
    public func reportLink(for query: PracticeReport.Query) -> (url: String, expires: Date)? {
        guard let baseURL else { return nil }
        let expires = newExpiry()
        var parts = ["since=\(query.window)"]
        if let channel = query.channel { parts.append("channel=\(Self.encoded(channel))") }
        parts += ["expires=\(expires)", "sig=\(sign(Self.reportMessage(query, expires)))"]
        return (baseURL + ReportRoutes.path + "?" + parts.joined(separator: "&"), Date(seconds: expires))
    }

    /// The report a request for `/report?since=…&channel=…&expires=…&sig=…` may read: nil for a
    /// window not written as links write it, a malformed expiry or signature, a signature made
    /// for anything else, or an expired link.
    public func verifyReport(
        since: String?, channel: String?, expires: String?, signature: String?
    ) -> PracticeReport.Query? {
        guard let since, let window = PracticeReport.Window(parsing: since), window.description == since,
            channel.map({ $0.count <= 200 }) ?? true
        else { return nil }
        let query = PracticeReport.Query(window: window, channel: channel)
        guard query.channel == channel || (channel?.isEmpty == true && query.channel == nil),
            isSigned({ Self.reportMessage(query, $0) }, expires: expires, signature: signature)
        else { return nil }
        return query
    }

    /// What a report link signs: `report:<window>:<expires>:<channel>`, the channel last (it is
    /// the only part that may hold a colon) and empty for every channel.
    static func reportMessage(_ query: PracticeReport.Query, _ expires: Int64) -> Data {
        Data("report:\(query.window):\(expires):\(query.channel ?? "")".utf8)
    }

    /// `text` for a query value: everything but unreserved characters percent-encoded.
    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "-._~")
        allowed.formUnion(CharacterSet(charactersIn: "a"..."z"))
        allowed.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        allowed.formUnion(CharacterSet(charactersIn: "0"..."9"))
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
