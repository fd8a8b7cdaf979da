import Foundation

/// A practice incident, as data (`Config/drills/<name>.yaml`): what the team is told, the
/// role-played people, what happens at which offset from the start, the facts the scenario holds
/// back until someone is asked about them, and the moves a good response makes. A drill's log
/// carries the whole scenario, so it plays the same after a restart, on every replica, and after
/// the file changed.
public struct DrillScenario: Hashable, Sendable, Codable {
    /// The file's name without `.yaml`: what `/ic drill start` is given.
    public var name: String
    /// The drill incident's title.
    public var title: String
    public var severity: Severity
    /// What the team is told at the start, before the first inject.
    public var briefing: String?
    /// The drill ends on its own this long after the start; nil: at `/ic drill stop` or resolve.
    public var endsAfter: Span?
    /// The people the scenario plays (an executive, a silent database on-call).
    public var people: [Person]
    /// What happens, in the order of `at`.
    public var injects: [Inject]
    /// What the scenario tells only when someone is given a task about it.
    public var facts: [Fact]
    /// The moves the practice score checks.
    public var expected: [ExpectedMove]

    public init(
        name: String, title: String, severity: Severity, briefing: String? = nil, endsAfter: Span? = nil,
        people: [Person] = [], injects: [Inject] = [], facts: [Fact] = [], expected: [ExpectedMove] = []
    ) {
        self.name = name
        self.title = title
        self.severity = severity
        self.briefing = briefing
        self.endsAfter = endsAfter
        self.people = people
        self.injects = injects.sorted { $0.at < $1.at }
        self.facts = facts
        self.expected = expected
    }

    /// Someone the scenario plays: they speak in injects, acknowledge the tasks given to them, and
    /// from `silentFrom` on answer nothing at all.
    public struct Person: Hashable, Sendable, Codable {
        /// The name people mention them by (`@dana`), and that injects are `from`.
        public var name: String
        /// Who they are, said when the drill starts ("database on-call").
        public var role: String
        /// From this long after the start they go silent: no acknowledgement, no finding.
        public var silentFrom: Span?

        public init(name: String, role: String, silentFrom: Span? = nil) {
            self.name = name
            self.role = role
            self.silentFrom = silentFrom
        }
    }

    /// Something that happens `at` this long after the start.
    public struct Inject: Hashable, Sendable, Codable {
        public var at: Span
        public var kind: Kind

        public init(at: Span, _ kind: Kind) {
            self.at = at
            self.kind = kind
        }

        public enum Kind: Hashable, Sendable, Codable {
            /// A role-played person says `text` in the channel.
            case message(from: String, text: String)
            /// An alert fires (or resolves), through the same path as a real one.
            case alert(summary: String, fingerprint: String, firing: Bool)
        }
    }

    /// A fact held back: told when a task whose words contain any of `about` is assigned, or when
    /// such a task's timebox lapses.
    public struct Fact: Hashable, Sendable, Codable {
        /// Lower-case words; a task mentioning any of them is about this fact.
        public var about: [String]
        public var when: Trigger
        public var text: String

        public init(about: [String], when: Trigger, text: String) {
            self.about = about.map { $0.lowercased() }
            self.when = when
            self.text = text
        }

        public enum Trigger: String, Hashable, Sendable, Codable, CaseIterable {
            /// As soon as the task is assigned.
            case assigned
            /// When the task's timebox lapses (as the owner's finding).
            case lapsed
        }

        /// Whether a task worded `task` is about this fact.
        public func concerns(_ task: String) -> Bool {
            let words = Set(task.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
            return about.contains { keyword in
                keyword.contains(" ") ? task.lowercased().contains(keyword) : words.contains(keyword)
            }
        }
    }

    /// A move the practice score looks for in the log, made by `by` after the start when given.
    public struct ExpectedMove: Hashable, Sendable, Codable {
        public var move: Move
        public var by: Span?

        public init(_ move: Move, by: Span? = nil) {
            self.move = move
            self.by = by
        }

        public enum Move: Hashable, Sendable, Codable {
            /// Someone answered with the notes' words for `situation` (`/ic say severity`).
            case say(Command.Situation)
            /// Command passed to someone else (a handover accepted, a takeover).
            case handover
            /// Someone was let go from the response (`/ic release`, `/ic leave`).
            case release
            /// A task of `person` (a silent responder, say) went to someone else or was cancelled.
            case reassign(person: String)
            /// A stakeholder update went out.
            case update
        }
    }
}
