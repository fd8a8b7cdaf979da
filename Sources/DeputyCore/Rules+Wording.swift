import Foundation

extension Rules {
    /// The words the wording checks look for, as data (`wording` in `Config/rules.yaml`): blaming
    /// language in the postmortem work, and words meant for customers and executives. Both only
    /// suggest; nothing anyone wrote is refused or changed.
    public struct Wording: Hashable, Sendable {
        /// Words and phrases that judge a person rather than describe the situation.
        public var blame: [String] = [
            "human error", "should have", "should've", "shouldn't have", "should not have", "careless",
            "carelessly", "carelessness", "negligence", "negligent", "sloppy", "incompetent", "incompetence",
            "whose fault", "his fault", "her fault", "their fault", "screwed up", "messed up", "dropped the ball",
            "lazy", "stupid", "not paying attention", "failed to notice",
        ]
        /// Questions that ask who or why-did-you, matched at the start of a sentence.
        public var questions: [String] = [
            "who", "whose", "why did you", "why didn't you", "why did not you", "why would you", "why did he",
            "why did she", "why did they", "why didn't he", "why didn't she", "why didn't they", "why wasn't",
        ]
        /// Phrases that give a person as the cause; `{person}` stands for a mention or the name of
        /// someone on the incident.
        public var personAsCause: [String] = [
            "{person} caused", "caused by {person}", "{person} broke", "broken by {person}", "broke by {person}",
            "{person} forgot", "{person} failed to", "{person} messed up", "{person} screwed up",
            "{person} made a mistake", "{person}'s mistake", "{person}'s fault", "because of {person}",
            "because {person}", "due to {person}", "blame {person}", "thanks to {person}", "{person} did not",
            "{person} didn't", "{person} missed", "{person} ignored",
        ]
        /// A better phrase for each flagged one, used to suggest a rewording; `{person}` for people.
        public var rewrites: [String: String] = [
            "{person}": "a responder", "human error": "a step the system made easy to get wrong",
            "should have": "could have", "should've": "could have", "shouldn't have": "could have avoided",
            "should not have": "could have avoided", "careless": "hurried", "carelessly": "in a hurry",
            "why did you": "what led to", "why didn't you": "what kept us from", "who": "what",
            "whose fault": "what contributed",
        ]
        /// Words for customers and executives: the word to use instead of each one on the left.
        public var customerInstead: [String: String] = [
            "outage": "service disruption", "outages": "service disruptions", "down": "unavailable",
            "crashed": "stopped responding", "crash": "interruption", "broken": "not working as expected",
            "bug": "issue", "bugs": "issues", "failure": "disruption",
            "catastrophic": "significant", "meltdown": "service disruption", "dead": "unavailable",
        ]
        /// Internal words customers and executives do not use.
        public var jargon: Set<String> = [
            "rca", "mttr", "mttd", "sev", "sev1", "sev2", "sev3", "p0", "p1", "p2", "k8s", "kubernetes", "pod",
            "pods", "db", "replica", "failover", "rollback", "rolled", "deploy", "deployed", "hotfix", "config",
            "latency", "5xx", "500s", "503", "502", "dns", "cdn", "oom", "shard", "cluster", "node", "nodes",
            "cache", "queue", "oncall", "on-call", "postmortem", "runbook", "prod", "staging", "canary", "sre",
            "upstream", "downstream", "backend", "frontend", "ic", "slo", "sla", "p99", "cpu", "vm",
        ]
        /// Capitalised abbreviations that may stay: every other all-capitals word is an acronym
        /// to spell out.
        public var allowedAcronyms: Set<String> = ["us", "eu", "uk", "utc", "am", "pm", "faq", "id", "ok", "i", "a"]

        public init() {}
    }
}
