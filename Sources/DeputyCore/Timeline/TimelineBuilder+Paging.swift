extension TimelineBuilder {
    /// Pages and what came of them.
    mutating func addPaging(_ record: IncidentRecord, index: Int) {
        let by = Self.person(record.actor)
        switch record.event {
        case .paged(let service, let pager, let message, _):
            pagers[service] = pager
            pagedAt[service] = record.at
            let values: [String: PhraseValue] = [
                "user": by, "service": .text(service), "pager": .plain(pager.displayName),
            ]
            if drill {
                add(record, index, .paged, .timelinePagedDrill, values)
            } else if let message {
                add(record, index, .paged, .timelinePagedWithMessage, values, text: message)
            } else {
                add(record, index, .paged, .timelinePaged, values)
            }
        case .pageAcknowledged(let service):
            add(record, index, .pageAcknowledged, .timelinePageAcknowledged, ["user": by, "service": .text(service)])
        case .pagerReported(let service, let status, let name):
            var values: [String: PhraseValue] = [
                "service": .text(service), "pager": .plain((pagers[service] ?? .pagerduty).displayName),
            ]
            switch status {
            case .acknowledged:
                if let name {
                    values["name"] = .text(name)
                    add(record, index, .pageAcknowledged, .timelinePagerAcknowledged, values)
                } else {
                    add(record, index, .pageAcknowledged, .timelinePagerAcknowledgedNoName, values)
                }
            case .resolved: add(record, index, .pagerReported, .timelinePagerResolved, values)
            case .triggered: add(record, index, .pagerReported, .timelinePagerTriggered, values)
            }
        default:
            break
        }
    }
}
