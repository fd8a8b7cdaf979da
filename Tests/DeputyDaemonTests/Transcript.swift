import DeputyCore
import Foundation

/// A scenario transcript: a conversation with time steps and the bot's expected words.
/// The format is documented in `Transcripts/README.md`.
struct Transcript {
    /// One step, with the line it came from.
    enum Step {
        /// Someone types a line (`alice: /ic lead`).
        case type(String)
        /// The clock moves forward, firing timers as they fall due.
        case wait(Span)
        /// Deputy is down while the clock moves on; on its return everything due fires at once.
        case down(Span)
        /// The next unmatched message goes to `recipient` (nil: the channel) and contains every text.
        case expect(recipient: String?, texts: [String])
        /// No message since the last typed line or wait contains this text.
        case absent(String)
        /// Unmatched messages so far are fine.
        case skip
    }

    var name: String
    var rulesYAML: String?
    /// The services the transcript can page (`paging: database=pagerduty`).
    var paging = Paging()
    var start: Date?
    var steps: [(line: Int, step: Step)] = []

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    init(name: String, text: String) throws {
        self.name = name
        var rules: [String]?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            if var block = rules {
                if raw.hasPrefix(" ") || raw.isEmpty {
                    block.append(raw)
                    rules = block
                    continue
                }
                rulesYAML = block.joined(separator: "\n")
                rules = nil
            }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "rules:" {
                rules = []
                continue
            }
            try parse(line, number: number)
        }
        if let rules { rulesYAML = rules.joined(separator: "\n") }
    }

    private mutating func parse(_ line: String, number: Int) throws {
        if line.hasPrefix("start ") {
            guard let date = ISO8601DateFormatter().date(from: String(line.dropFirst(6))) else {
                throw ParseError(line: number, message: "start needs an ISO 8601 time like 2026-12-03T15:00:00Z")
            }
            start = date
        } else if line.hasPrefix("wait ") {
            guard let span = Span(parsing: String(line.dropFirst(5))) else {
                throw ParseError(line: number, message: "wait needs a duration like 5m")
            }
            steps.append((number, .wait(span)))
        } else if line.hasPrefix("down ") {
            guard let span = Span(parsing: String(line.dropFirst(5))) else {
                throw ParseError(line: number, message: "down needs a duration like 45m")
            }
            steps.append((number, .down(span)))
        } else if line == "..." {
            steps.append((number, .skip))
        } else if line.hasPrefix("+ ") {
            guard case .expect(let recipient, let texts)? = steps.last?.step else {
                throw ParseError(line: number, message: "'+' continues a 'deputy:' line")
            }
            steps[steps.count - 1].step = .expect(recipient: recipient, texts: texts + [String(line.dropFirst(2))])
        } else if line.hasPrefix("!deputy: ") {
            steps.append((number, .absent(String(line.dropFirst(9)))))
        } else if line.hasPrefix("deputy: ") {
            steps.append((number, .expect(recipient: nil, texts: [String(line.dropFirst(8))])))
        } else if line.hasPrefix("page → ") {
            let rest = line.dropFirst(7)
            guard let colon = rest.firstIndex(of: ":") else {
                throw ParseError(line: number, message: "a page line reads 'page → SERVICE: text'")
            }
            let text = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            steps.append((number, .expect(recipient: "page:" + rest[..<colon], texts: [text])))
        } else if line.hasPrefix("paging: ") {
            for pair in line.dropFirst(8).split(separator: " ") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2 else {
                    throw ParseError(line: number, message: "paging reads 'paging: database=pagerduty ack_within=5m'")
                }
                if parts[0] == "ack_within" {
                    paging.ackWithin = parts[1] == "off" ? nil : Span(parsing: String(parts[1]))
                } else if let pager = Pager(rawValue: String(parts[1])) {
                    paging.services[String(parts[0])] = pager
                } else {
                    throw ParseError(line: number, message: "unknown pager \(parts[1])")
                }
            }
        } else if line.hasPrefix("deputy → ") {
            let rest = line.dropFirst(9)
            guard let colon = rest.firstIndex(of: ":") else {
                throw ParseError(line: number, message: "a private line reads 'deputy → NAME: text'")
            }
            let text = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            steps.append((number, .expect(recipient: String(rest[..<colon]), texts: [text])))
        } else if line.contains(": /") || line.hasPrefix("/") {
            steps.append((number, .type(line)))
        } else {
            throw ParseError(line: number, message: "not a transcript line: \(line)")
        }
    }
}
