import DeputyCore
import Foundation
import Mustache

/// The timeline page's HTML, rendered server-side from `timeline.mustache` (read from disk once,
/// at start-up) with every word from the phrasebook. The template escapes every value: text
/// people typed shows as text, and the links they typed become links.
public struct TimelinePage: Sendable {
    /// The template's file name in the templates folder.
    public static let templateFile = "timeline.mustache"

    let template: MustacheTemplate
    let phrasebook: Phrasebook
    let timeZone: TimeZone

    /// Why the page cannot be served: what to fix, and where.
    public struct LoadError: Error, CustomStringConvertible {
        /// The message for the operator, naming the file.
        public var description: String
    }

    /// The page from `folder/timeline.mustache`; throws when the file is missing, unreadable or
    /// not a valid template.
    public init(folder: String, phrasebook: Phrasebook, timeZone: TimeZone) throws(LoadError) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Self.templateFile).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read the timeline page's template (is the file there?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(description: "\(path): the timeline page's template is not UTF-8 text")
        }
        try self.init(template: text, file: path, phrasebook: phrasebook, timeZone: timeZone)
    }

    /// The page from a template's text; `file` names it in errors.
    public init(template text: String, file: String, phrasebook: Phrasebook, timeZone: TimeZone) throws(LoadError) {
        do {
            self.template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let at = error.context
            throw LoadError(
                description: "\(file):\(at.lineNumber):\(at.columnNumber): the timeline page's template is broken "
                    + "(\(error.error)): \(at.line)")
        } catch {
            throw LoadError(description: "\(file): the timeline page's template is broken (\(error))")
        }
        self.phrasebook = phrasebook
        self.timeZone = timeZone
    }

    /// The whole HTML page of `timeline`.
    public func render(_ timeline: Timeline) -> String {
        template.render(context(timeline))
    }

    /// What the template sees. Every value is plain text; the template escapes it.
    func context(_ timeline: Timeline) -> [String: Any] {
        let style = Timeline.style(timeZone: timeZone)
        func words(_ line: Line) -> String { phrasebook.render(line, style: style) }
        var context: [String: Any] = [
            "title": words(timeline.titleLine),
            "durationsHeader": words(Line(.timelineDurationsHeader)),
            "durations": timeline.durationLines.map { ["line": words($0)] },
            "responders": timeline.responderLines.map { ["line": words($0)] },
            "entriesHeader": words(Line(.timelineEntriesHeader)),
            "columnTime": words(Line(.timelineColumnTime)),
            "columnElapsed": words(Line(.timelineColumnElapsed)),
            "columnFact": words(Line(.timelineColumnFact)),
            "entries": timeline.entries.map { entry -> [String: Any] in
                [
                    "time": phrasebook.render(.moment(entry.at), style: style),
                    "datetime": Self.machineTime(entry.at),
                    "elapsed": phrasebook.words(for: entry.elapsed),
                    "kind": entry.kind.rawValue,
                    "parts": Self.parts(of: words(entry.line), links: entry.links),
                ]
            },
        ]
        if timeline.drill { context["drill"] = words(Line(.timelineDrill)) }
        if !timeline.scoreLines.isEmpty {
            context["scoreHeader"] = words(Line(.timelineScoreHeader))
            context["score"] = timeline.scoreLines.map { ["line": words($0)] }
        }
        return context
    }

    /// `text` cut into runs of words and the links in it, in order: `["words": …]` or
    /// `["link": ["href": …]]`, so the template can make the links links and escape the rest.
    static func parts(of text: String, links: [String]) -> [[String: Any]] {
        var parts: [[String: Any]] = []
        var rest = text[...]
        for link in links {
            guard let range = rest.range(of: link) else { continue }
            if range.lowerBound > rest.startIndex { parts.append(["words": String(rest[..<range.lowerBound])]) }
            parts.append(["link": ["href": link]])
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { parts.append(["words": String(rest)]) }
        return parts
    }

    /// A moment for a `<time datetime>` attribute: ISO 8601 in UTC.
    static func machineTime(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
