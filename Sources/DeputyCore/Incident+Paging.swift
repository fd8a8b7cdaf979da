import Foundation

extension Incident {
    /// Folds a paging event in.
    mutating func applyPaging(_ event: IncidentEvent, by actor: User?, at: Date) {
        switch event {
        case .paged(let service, let pager, _, let ackDueAt):
            if let index = pages.firstIndex(where: { $0.service == service }) {
                pages[index].pagedAt = at
                pages[index].isOpen = true
                if !pages[index].isAcknowledged { pages[index].ackDueAt = ackDueAt }
            } else {
                pages.append(
                    PageState(service: service, pager: pager, pagedAt: at, ackDueAt: ackDueAt))
            }
        case .pageAcknowledged(let service):
            acknowledgePage(service, by: actor?.name, at: at)
        case .pagerReported(let service, let status, let by):
            switch status {
            case .acknowledged: acknowledgePage(service, by: by, at: at)
            case .resolved: updatePage(service) { $0.isOpen = false }
            case .triggered: updatePage(service) { $0.isOpen = true }
            }
        default:
            break
        }
    }

    /// A page's acknowledgement: the first one counts.
    private mutating func acknowledgePage(_ service: String, by name: String?, at: Date) {
        updatePage(service) { page in
            page.ackDueAt = nil
            if page.acknowledgedAt == nil {
                page.acknowledgedAt = at
                page.acknowledgedBy = name
            }
        }
    }

    /// The IC was told no one acknowledged: once per page.
    mutating func pageAckRaised(_ service: String) {
        updatePage(service) { $0.ackDueAt = nil }
    }

    /// Every page is closed with the incident (its resolve is sent then).
    mutating func closePages() {
        for index in pages.indices { pages[index].isOpen = false }
    }

    private mutating func updatePage(_ service: String, _ change: (inout PageState) -> Void) {
        guard let index = pages.firstIndex(where: { $0.service == service }) else { return }
        change(&pages[index])
    }

    /// Pages waiting for an acknowledgement, each with when the IC hears of it.
    func pageTimers() -> [(RuleTimer.Kind, Date)] {
        pages.compactMap { page in
            guard page.isOpen, let due = page.ackDueAt else { return nil }
            return (.pageAcknowledgement(page.service), due)
        }
    }
}

extension Incident {
    /// What a pager reported about the page to `service` (from its webhook): recorded, and an
    /// acknowledgement or a resolve said in the channel. Nothing when `service` was never paged.
    public mutating func report(
        _ status: PagerStatus, on service: String, by name: String?, at now: Date, rules: Rules
    ) -> Outcome {
        var draft = Draft(taking: &self, actor: nil, at: now, rules: rules)
        draft.pagerReported(service, status, by: name)
        swap(&self, &draft.incident)
        return draft.outcome
    }
}

extension Desk {
    /// What a pager reported about `incident`'s page to `service`.
    public mutating func report(
        _ status: PagerStatus, on service: String, of incident: IncidentID, by name: String?, at now: Date
    ) -> Result {
        let rules = self.rules
        let outcome = update(incident) { $0.report(status, on: service, by: name, at: now, rules: rules) }
        return Result(incident: outcome.isEmpty ? nil : incident, outcome: outcome)
    }
}
