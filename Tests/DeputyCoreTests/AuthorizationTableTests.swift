import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Every command against every role: who may give it, and who is refused with the private
/// answer that says who may. alice commands, bob is her deputy, carol is comms, hayley owns T1,
/// dave is anyone else in the channel.
struct AuthorizationTableTests {
    enum Actor: String, CaseIterable, CustomStringConvertible {
        case commander, deputy, comms, owner, other
        var user: User {
            switch self {
            case .commander: User(id: "alice", name: "alice")
            case .deputy: User(id: "bob", name: "bob")
            case .comms: User(id: "carol", name: "carol")
            case .owner: User(id: "hayley", name: "hayley")
            case .other: User(id: "dave", name: "dave")
            }
        }
        var description: String { rawValue }
    }

    /// The answers that refuse a command for who gave it.
    static let refusals: Set<PhraseKey> = [
        .onlyCommander, .onlyCommanderOrDeputy, .onlyDeputy, .onlyUpdaters, .onlyOwnerAcknowledges,
        .onlyOwnerOrLeads, .onlyPostmortemOwner, .noCommanderYet,
    ]

    static let channel = ChannelKey(platform: "test", team: "T1", channel: "C1")
    static let everyone = Set(Actor.allCases)
    static let leads: Set<Actor> = [.commander, .deputy]

    /// During the incident: each command with the roles that may give it.
    static let active: [(String, Set<Actor>)] = [
        ("handover @bob", [.commander]), ("release @carol", [.commander]), ("decide P1 proceed", [.commander]),
        ("decide we roll back first", [.commander]), ("phase mobilize", [.commander]), ("resolve", [.commander]),
        ("resolve confirm", [.commander]), ("resolve false-alarm", [.commander]),
        ("role scribe @dave", leads), ("propose restart the pods", leads), ("propose P2", leads),
        ("assign @dave read the logs", leads), ("assign T1 @dave", leads), ("cancel T1", leads),
        ("snooze T1 5m", leads), ("quiet 5m", leads), ("say takeover", leads), ("say belligerent", leads),
        ("takeover", [.deputy]),
        ("update customers see errors at checkout", [.commander, .deputy, .comms]),
        ("ack T1", [.owner]), ("found T1 the pool is exhausted", [.owner, .commander, .deputy]),
        ("extend T1 5m", [.owner, .commander, .deputy]), ("done T1", [.owner, .commander, .deputy]),
        ("sev 1", everyone), ("note graphs attached", everyone), ("todo alert on pool size", everyone),
        ("summary the pool is exhausted", everyone), ("impact checkout fails", everyone), ("status", everyone),
        ("tasks", everyone), ("object P1 too risky", everyone), ("suggest add capacity", everyone),
        ("join", everyone), ("say hurry", everyone), ("help", everyone), ("action add a pool alert", everyone),
        ("actions", everyone), ("timeline", everyone), ("page database the pool is exhausted", leads),
        ("page", everyone), ("page ack", everyone), ("drill stop", everyone),
    ]

    /// After resolve, with hayley named postmortem owner: each command with who may give it.
    static let resolved: [(String, Set<Actor>)] = [
        ("postmortem @carol", [.commander]), ("reopen", [.commander]), ("sev 3", [.commander]),
        ("postmortem done https://wiki/pm/1", [.owner, .commander]), ("postmortem status", everyone),
        ("postmortem draft", everyone), ("note for the review", everyone), ("action add a pool alert", everyone),
        ("score", everyone),
    ]

    /// The incident every case starts from, on a desk of its own.
    static func desk(resolved: Bool) -> Desk {
        var rules = Rules()
        rules.paging = Paging(services: ["database": .pagerduty])
        var desk = Desk(rules: rules)
        var minute = 0.0
        func say(_ actor: Actor, _ text: String) {
            minute += 0.5
            _ = desk.handle(text: text, by: actor.user, in: channel, at: Fixtures.start.addingTimeInterval(minute * 60))
        }
        say(.commander, "declare checkout errors sev2")
        say(.commander, "lead")
        say(.commander, "role deputy @bob")
        say(.commander, "role comms @carol")
        say(.commander, "assign @hayley check the pool in 10m")
        say(.commander, "propose roll back the deploy")
        say(.other, "join")
        if resolved {
            say(.commander, "resolve confirm")
            say(.commander, "postmortem @hayley")
        }
        return desk
    }

    /// Whether `text` by `actor` was refused for who they are, and nothing recorded.
    static func refused(_ text: String, by actor: Actor, resolved: Bool) -> Bool {
        var desk = desk(resolved: resolved)
        let result = desk.handle(text: text, by: actor.user, in: channel, at: Fixtures.start.addingTimeInterval(600))
        let refusedKeys = result.outcome.replies.flatMap(\.lines).map(\.key).filter { refusals.contains($0) }
        return !refusedKeys.isEmpty && result.outcome.records.isEmpty
    }

    @Test(arguments: active.flatMap { command, allowed in Actor.allCases.map { (command, $0, allowed.contains($0)) } })
    func duringTheIncident(command: String, actor: Actor, allowed: Bool) {
        #expect(Self.refused(command, by: actor, resolved: false) == !allowed)
    }

    @Test(
        arguments: resolved.flatMap { command, allowed in Actor.allCases.map { (command, $0, allowed.contains($0)) } })
    func afterResolve(command: String, actor: Actor, allowed: Bool) {
        #expect(Self.refused(command, by: actor, resolved: true) == !allowed)
    }

    @Test func everyVerbIsInTheTable() {
        let verbs = Set((Self.active + Self.resolved).compactMap { Verb(word: String($0.0.split(separator: " ")[0])) })
        #expect(verbs.isSuperset(of: Set(Verb.allCases).subtracting([.declare, .lead, .accept, .leave])))
    }
}
