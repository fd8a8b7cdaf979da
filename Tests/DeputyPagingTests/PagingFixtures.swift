import DeputyCore
import DeputyPaging
import Foundation

/// Bodies and pages the paging tests share.
enum PagingFixtures {
    /// PagerDuty's V3 webhook signing example (go-pagerduty's webhookv3 test, recomputed with
    /// Python's hmac): one line, 1655 bytes, no trailing newline.
    enum V3Signing {
        static let secret = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK"
        static let body = [
            #"{"event":{"id":"01BWDWL3NYY7LUFPZCC28QUCMK","event_type":"incident.priority_updated","resource_type""#,
            #":"incident","occurred_at":"2021-04-26T17:36:27.458Z","agent":{"html_url":"https://acme.pagerduty.com"#,
            #"/users/PLH1HKV","id":"PLH1HKV","self":"https://api.pagerduty.com/users/PLH1HKV","summary":"Tenex Eng"#,
            #"ineer","type":"user_reference"},"client":null,"data":{"id":"PGR0VU2","type":"incident","self":"https"#,
            #"://api.pagerduty.com/incidents/PGR0VU2","html_url":"https://acme.pagerduty.com/incidents/PGR0VU2","n"#,
            #"umber":2,"status":"triggered","title":"A little bump in the road","service":{"html_url":"https://acm"#,
            #"e.pagerduty.com/services/PF9KMXH","id":"PF9KMXH","self":"https://api.pagerduty.com/services/PF9KMXH""#,
            #","summary":"API Service","type":"service_reference"},"assignees":[{"html_url":"https://acme.pagerdut"#,
            #"y.com/users/PTUXL6G","id":"PTUXL6G","self":"https://api.pagerduty.com/users/PTUXL6G","summary":"User"#,
            #" 123","type":"user_reference"}],"escalation_policy":{"html_url":"https://acme.pagerduty.com/escalati"#,
            #"on_policies/PUS0KTE","id":"PUS0KTE","self":"https://api.pagerduty.com/escalation_policies/PUS0KTE",""#,
            #"summary":"Default","type":"escalation_policy_reference"},"teams":[{"html_url":"https://acme.pagerdut"#,
            #"y.com/teams/PFCVPS0","id":"PFCVPS0","self":"https://api.pagerduty.com/teams/PFCVPS0","summary":"Engi"#,
            #"neering","type":"team_reference"}],"priority":{"html_url":"https://acme.pagerduty.com/account/incide"#,
            #"nt_priorities","id":"PSO75BM","self":"https://api.pagerduty.com/priorities/PSO75BM","summary":"P1",""#,
            #"type":"priority_reference"},"urgency":"high","conference_bridge":{"conference_number":1000,"conferen"#,
            #"ce_url":"https://example.com"},"resolve_reason":null}}}"#,
        ].joined()
        static let signature = "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd"
        /// A signature that must not pass.
        static let wrongSignature = "v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5"
    }

    /// A made-up Events API integration key.
    static let routingKey = "e93facc04764012d7bfb002500d5d1a6"
    /// The timeline link the pages carry.
    static let link = "https://deputy.example/incidents/INC-7/timeline"
    /// 2026-03-14T09:30:05.250Z.
    static let pagedAt = Date(timeIntervalSince1970: 1_773_480_605.25)
    /// The message: non-ASCII on purpose, to show it goes out as UTF-8, unescaped.
    static let message = "p99 is 4 s since 09:12, “checkout” only"

    /// Ana pages checkout for INC-7, a SEV-1 Bo commands.
    static let trigger = PageRequest(
        action: .trigger, service: "checkout", pager: .pagerduty,
        dedupKey: PageRequest.dedupKey(incident: IncidentID(7), service: "checkout"), incident: IncidentID(7),
        severity: .highest, title: "checkout is slow", message: message, pagedBy: User(id: "U02", name: "Ana Lima"),
        commander: User(id: "U01", name: "Bo Chen"), channel: ChannelKey(platform: "slack", team: "T01", channel: "C07")
    )

    /// Deputy resolves that page: no message, no pager.
    static var resolve: PageRequest {
        var page = trigger
        page.action = .resolve
        page.message = nil
        page.pagedBy = nil
        return page
    }
}
