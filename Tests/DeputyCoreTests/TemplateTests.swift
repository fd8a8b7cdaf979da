import DeputyCore
import Foundation
import Testing

@Suite("Phrase templates")
struct TemplateTests {
    @Test("slots and literals, braces escaped by doubling")
    func parses() throws {
        let template = try Template(parsing: "Hi {user}, {{literal}} {task_id}.")
        #expect(template.placeholders == ["user", "task_id"])
        #expect(
            template.parts == [
                .literal("Hi "), .slot("user"), .literal(", {literal} "), .slot("task_id"), .literal("."),
            ])
    }

    @Test("broken templates name the problem and where")
    func problems() {
        #expect(throws: Template.Problem.unclosedBrace(offset: 3)) { _ = try Template(parsing: "Hi {user") }
        #expect(throws: Template.Problem.strayBrace(offset: 2)) { _ = try Template(parsing: "Hi} there") }
        #expect(throws: Template.Problem.badName("a b", offset: 0)) { _ = try Template(parsing: "{a b}") }
        #expect(throws: Template.Problem.badName("", offset: 1)) { _ = try Template(parsing: "x{}") }
    }

    @Test("rendering fills slots with typed values, escaping typed text only")
    func renders() throws {
        let book = Phrasebook(
            phrases: [
                .assigned: try Template(parsing: "{user}, I'd like you to {task}. I'll come back to you in {timebox}.")
            ],
            usage: [:], help: [:], terms: [:])
        let style = RenderStyle(
            mention: { "<@\($0.id)>" }, escape: { $0.replacingOccurrences(of: "<!channel>", with: "channel") })
        let line = Line(
            .assigned,
            [
                "user": .user(User(id: "U1", name: "hayley")), "task": .text("ping <!channel>"),
                "timebox": .duration(.minutes(5)),
            ])
        #expect(
            book.render(line, style: style)
                == "<@U1>, I'd like you to ping channel. I'll come back to you in 5 minutes.")
    }
}
