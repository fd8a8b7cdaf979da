import DeputyCore
import Foundation
import Testing

@Suite("People known by name")
struct UserTests {
    @Test("a name in any capitals is the same person; the spelling given is kept for display")
    func capitals() {
        let carol = User.named("Carol")
        #expect(carol == User.named("carol"))
        #expect(carol == User.named("CAROL"))
        #expect(carol.name == "Carol")
        #expect(carol.isKnownByName)
        #expect(User.named("carol").hashValue == carol.hashValue)
        #expect(User.named("carol") != User.named("caro1"))
    }

    @Test("a platform's own id is never folded: U1ABC and u1abc are different Slack users")
    func platformIDs() {
        #expect(User(id: "U1ABC", name: "hayley") != User(id: "u1abc", name: "hayley"))
        #expect(!User(id: "U1ABC", name: "hayley").isKnownByName)
    }

    @Test("a user stored before names were folded reads as known by name; others read as stored")
    func legacyDecoding() throws {
        let decoder = JSONDecoder()
        let legacy = try decoder.decode(User.self, from: Data(#"{"id":"Carol","name":"Carol"}"#.utf8))
        #expect(legacy.id == "carol" && legacy.name == "Carol")
        let slack = try decoder.decode(User.self, from: Data(#"{"id":"U1ABC","name":"Hayley"}"#.utf8))
        #expect(slack.id == "U1ABC" && slack.name == "Hayley")
        let roundTrip = try decoder.decode(User.self, from: JSONEncoder().encode(User.named("Dan")))
        #expect(roundTrip.id == "dan" && roundTrip.name == "Dan")
    }

    @Test("a plain @Name mention is the person of that name in any capitals")
    func mentions() throws {
        guard case .success(.role(.comms, let user)) = CommandParser.parse("role comms @Carol") else {
            Issue.record("role comms @Carol did not parse")
            return
        }
        #expect(user == User.named("carol"))
        #expect(user.name == "Carol")
    }
}
