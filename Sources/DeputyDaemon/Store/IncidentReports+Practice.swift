import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import Foundation

extension IncidentReports {
    /// What `deputy report` prints: the practice report of the incidents `query` selects at
    /// `now`, one line per incident and one per measure's trend, then the signed link to its page
    /// when `settings` give a public address and a secret (see `reportLinks`). Ends with a newline.
    public func practice(
        _ query: PracticeReport.Query, now: Date, settings: DaemonSettings? = nil
    ) async throws -> String {
        let report = try await StorePracticeReports(store: store, rules: rules).report(query, at: now)
        let style = Timeline.style(timeZone: rules.calendar.timeZone)
        var names: [PracticeMeasure.Kind: String] = [:]
        for trend in report.trends { names[trend.kind] = phrasebook.render(trend.nameLine, style: style) }
        var lines = report.lines(query: query, now: now, calendar: rules.calendar, measureNames: names)
        if let settings, let link = await reportLinks(settings, now: now)?.reportLink(for: query) {
            lines.append(Line(.reportLink, ["link": .plain(link.url), "time": .moment(link.expires)]))
        }
        return lines.map { phrasebook.render($0, style: style) + "\n" }.joined()
    }

    /// The links the daemon's report page opens, made at `now`: on `DEPUTY_PUBLIC_URL`, signed
    /// with `DEPUTY_LINK_SECRET` or else the secret the store keeps (the daemon's when it has
    /// none set). Nil without a public address, or when neither secret can be had (an SQLite file
    /// opened read-only that holds none yet).
    public func reportLinks(_ settings: DaemonSettings, now: Date) async -> TimelineLinks? {
        guard let publicURL = settings.publicURL, !publicURL.trimmingCharacters(in: .whitespaces).isEmpty else {
            return nil
        }
        let secret: [UInt8]
        if let given = settings.links.secret {
            secret = Array(given.value.utf8)
        } else if let kept = try? await store.linkSecret() {
            secret = kept
        } else {
            return nil
        }
        return TimelineLinks(secret: secret, publicURL: publicURL, validFor: settings.links.validFor, now: { now })
    }
}
