import DeputyChat
import DeputyCore
import Foundation
import Testing

/// Slash command bodies: the official example, the signing example, missing fields, SSL checks.
struct SlashCommandTests {
    @Test func theOfficialExampleDecodes() throws {
        let request = try SlashCommandRequest(body: Data(SlackFixtures.commandExample.utf8))
        guard case .command(let command) = request else {
            Issue.record("expected a command, got \(request)")
            return
        }
        #expect(command.teamID == "T0001")
        #expect(command.channelID == "C2147483705")
        #expect(command.user == User(id: "U2147483697", name: "Steve"))
        #expect(command.user.name == "Steve")
        #expect(command.command == "/weather")
        #expect(command.text == "94070")
        #expect(command.responseURL == "https://hooks.slack.com/commands/1234/5678")
        #expect(command.triggerID == "13345224609.738474920.8088930838d88f008e0")
        #expect(command.channel == ChannelKey(platform: "slack", team: "T0001", channel: "C2147483705"))
        #expect(command.dedupeKey == "slack:command:T0001:13345224609.738474920.8088930838d88f008e0")
    }

    @Test func theSigningExampleDecodesWithEmptyText() throws {
        let request = try SlashCommandRequest(body: Data(SlackFixtures.Signing.body.utf8))
        guard case .command(let command) = request else {
            Issue.record("expected a command, got \(request)")
            return
        }
        #expect(command.command == "/webhook-collect")
        #expect(command.text == "")
        #expect(command.user == User(id: "U2CERLKJA", name: "roadrunner"))
        #expect(command.channelID == "G8PSS9T3V")
        #expect(
            command.responseURL == "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN")
    }

    @Test(
        "A missing or empty required field is named",
        arguments: ["team_id", "channel_id", "user_id", "user_name", "command", "response_url", "trigger_id"])
    func missingField(name: String) throws {
        var form = try FormDecoder.decode(SlackFixtures.commandExample)
        form[name] = nil
        #expect(throws: SlackError.missingField(name)) { try SlashCommandRequest(form: form) }
        form[name] = ""
        #expect(throws: SlackError.missingField(name)) { try SlashCommandRequest(form: form) }
    }

    @Test func textMayBeEmptyButNotAbsent() throws {
        var form = try FormDecoder.decode(SlackFixtures.commandExample)
        form["text"] = ""
        #expect(throws: Never.self) { try SlashCommandRequest(form: form) }
        form["text"] = nil
        #expect(throws: SlackError.missingField("text")) { try SlashCommandRequest(form: form) }
    }

    @Test func anSSLCheckIsRecognised() throws {
        #expect(try SlashCommandRequest(body: Data("ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO".utf8)) == .sslCheck)
    }

    @Test func aMalformedBodyIsAFormError() {
        #expect(throws: SlackError.malformedForm(.invalidEscape(offset: 8))) {
            try SlashCommandRequest(body: Data("team_id=%ZZ".utf8))
        }
    }

    @Test func commandTextIsCanonicalForTheCore() throws {
        var form = try FormDecoder.decode(SlackFixtures.commandExample)
        form["text"] = "assign <@U2|hayley> check the db &amp; the &lt;cache&gt;"
        let command = try SlashCommand(form: form)
        #expect(command.commandText == "assign <@U2|hayley> check the db & the <cache>")
        let parsed = CommandParser.parse(command.commandText)
        #expect(
            parsed
                == .success(
                    .assign(
                        owner: .user(User(id: "U2", name: "hayley")), task: "check the db & the <cache>", timebox: nil))
        )
    }
}
