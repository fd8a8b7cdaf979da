import Foundation

/// Mobilizing: paging a service's on-call, its acknowledgement, and closing pages with the
/// incident. The pages themselves leave through the outbox; in a drill nothing is sent.
extension Draft {
    /// Pages `name` with `message`: "Paging database on-call (PagerDuty). I'll tell you when
    /// someone acknowledges."
    mutating func page(_ name: String, message: String?, by user: User) {
        guard let service = rules.paging.service(named: name) else { return refuseUnknownService(name, to: user) }
        let again = incident.page(to: service.name)?.isOpen == true
        let ackDue = rules.paging.ackWithin.map { now.addingTimeInterval($0.interval) }
        record(.paged(service: service.name, pager: service.pager, message: message, ackDueAt: ackDue))
        let values: [String: PhraseValue] = [
            "service": .text(service.name), "pager": .plain(service.pager.displayName),
        ]
        if incident.drill { return announce(.pageDrill, values) }
        send(request(.trigger, service: service.name, pager: service.pager, message: message, by: user))
        announce(again ? .pagingAgain : .paging, values)
    }

    /// The services Deputy can page, and this incident's pages, privately.
    mutating func listPages(for user: User) {
        let names = rules.paging.names
        guard !names.isEmpty else { return tell(user, .pagingNotSetUp) }
        let services = names.compactMap { name in
            rules.paging.service(named: name).map {
                PhraseValue.lines([
                    Line(.pageServiceItem, ["service": .text($0.name), "pager": .plain($0.pager.displayName)])
                ])
            }
        }
        var lines = [Line(.pageServices, ["services": .list(services)])]
        lines += incident.pages.map(pageLine)
        say(Reply(.privately(user), lines))
    }

    /// One page's state, for the list.
    private func pageLine(_ page: Incident.PageState) -> Line {
        let values: [String: PhraseValue] = [
            "service": .text(page.service), "pager": .plain(page.pager.displayName),
            "elapsed": .duration(Span(from: page.pagedAt, to: now)),
        ]
        guard page.isOpen else {
            return Line(.pageStateClosed, ["service": .text(page.service), "pager": .plain(page.pager.displayName)])
        }
        if let at = page.acknowledgedAt {
            return Line(.pageStateAcknowledged, values.merging(["time": .time(at)]) { $1 })
        }
        return Line(.pageStateWaiting, values)
    }

    /// Records by hand that `name` (or the one page waiting) was acknowledged.
    mutating func acknowledgePage(_ name: String?, by user: User) {
        let waiting = incident.pages.filter { $0.isOpen && !$0.isAcknowledged }
        let service: String
        if let name {
            guard let page = incident.page(to: name.lowercased()) else {
                return tell(user, .pageNotPaged, ["service": .text(name)])
            }
            guard !page.isAcknowledged else {
                return tell(user, .pageAlreadyAcknowledged, ["service": .text(page.service)])
            }
            service = page.service
        } else {
            guard let only = waiting.first else { return tell(user, .pageNothingWaiting) }
            guard waiting.count == 1 else {
                return tell(user, .pageAckWhich, ["services": .list(waiting.map { .text($0.service) })])
            }
            service = only.service
        }
        record(.pageAcknowledged(service: service))
        announce(.pageAcknowledgedByHand, ["service": .text(service), "user": .user(user)])
    }

    /// What a pager reported about the page to `service` (an acknowledgement, a resolve, a
    /// trigger): on the timeline, and an acknowledgement or a resolve said in the channel.
    mutating func pagerReported(_ service: String, _ status: PagerStatus, by name: String?) {
        guard let page = incident.page(to: service) else { return }
        let wasAcknowledged = page.isAcknowledged
        let wasOpen = page.isOpen
        record(.pagerReported(service: service, status: status, by: name), by: nil)
        guard incident.isActive else { return }
        var values: [String: PhraseValue] = ["service": .text(service), "pager": .plain(page.pager.displayName)]
        switch status {
        case .acknowledged where !wasAcknowledged:
            if let name {
                values["name"] = .text(name)
                announce(.pagerAcknowledged, values)
            } else {
                announce(.pagerAcknowledgedNoName, values)
            }
        case .resolved where wasOpen:
            announce(.pagerResolved, values)
        default:
            break
        }
    }

    /// A page not acknowledged in time: the IC hears it privately (the channel, while no one
    /// commands), once per page.
    mutating func firePageAcknowledgement(_ service: String, _ timer: RuleTimer) {
        guard let page = incident.page(to: service) else { return }
        record(.nudged(.pageUnacknowledged(service: service)), by: nil)
        let values: [String: PhraseValue] = [
            "service": .text(service), "elapsed": .duration(elapsed(since: page.pagedAt, due: timer.due)),
        ]
        if let commander = incident.commander {
            tell(commander, .pageNotAcknowledged, values)
        } else {
            announce(.pageNotAcknowledged, values)
        }
    }

    /// Queues a resolve for every page still open (none in a drill) and returns the line that
    /// says so, if any. Called as the incident closes.
    mutating func resolveOpenPages() -> [Line] {
        let open = incident.pages.filter(\.isOpen)
        guard !incident.drill, !open.isEmpty else { return [] }
        for page in open {
            send(request(.resolve, service: page.service, pager: page.pager, message: nil, by: nil))
        }
        return [Line(.resolvingPages, ["services": .list(open.map { .text($0.service) })])]
    }

    /// The page as the outbox keeps it.
    private func request(
        _ action: PageRequest.Action, service: String, pager: Pager, message: String?, by user: User?
    ) -> PageRequest {
        PageRequest(
            action: action, service: service, pager: pager,
            dedupKey: PageRequest.dedupKey(incident: incident.id, service: service), incident: incident.id,
            severity: incident.severity, title: incident.title, message: message, pagedBy: user,
            commander: incident.commander, channel: incident.channel)
    }

    /// "I can't page <name>": the services there are, or that none are set up.
    private mutating func refuseUnknownService(_ name: String, to user: User) {
        let names = rules.paging.names
        guard !names.isEmpty else { return tell(user, .pagingNotSetUp) }
        var values: [String: PhraseValue] = ["service": .text(name), "services": .list(names.map { .text($0) })]
        if let close = name.lowercased().closest(in: names) {
            values["suggestion"] = .text(close)
            return tell(user, .pageUnknownServiceSuggestion, values)
        }
        tell(user, .pageUnknownService, values)
    }
}
