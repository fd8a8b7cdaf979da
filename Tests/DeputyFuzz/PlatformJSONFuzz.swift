import DeputyChat
import DeputyCore
import Foundation

/// A JSON body, through every platform's decoder: each refuses it with its own error or reads a
/// whole command (a channel, a person, trimmed text that parses and echoes safely), and reads the
/// same body the same way twice.
enum PlatformJSONFuzz {
    /// Every broken promise on `input`.
    static func violations(in input: Data) -> [String] {
        slackInteraction(input) + slackEvent(input) + discord(input) + teams(input) + generic(input)
    }

    /// A Slack `block_actions` payload.
    private static func slackInteraction(_ input: Data) -> [String] {
        let first = Result { () throws(SlackError) in try SlackInteraction(payload: input) }
        guard case .success(let interaction) = first else { return described(first) }
        var found = SlackInteractionInvariants.violations(interaction)
        if (try? SlackInteraction(payload: input)) != interaction { found.append("slack payload read twice differs") }
        return found
    }

    /// A Slack Events API envelope.
    private static func slackEvent(_ input: Data) -> [String] {
        let first = Result { () throws(SlackError) in try SlackEvent(body: input) }
        guard case .success(let event) = first else { return described(first) }
        var found: [String] = []
        if (try? SlackEvent(body: input)) != event { found.append("slack event read twice differs") }
        let delivery = SlackEventDelivery(event: event)
        if case .callback(_, let eventID, let teamID) = event {
            if eventID.isEmpty || teamID.isEmpty { found.append("slack event callback without ids") }
            if delivery.dedupeKey == nil { found.append("slack event callback without a dedupe key") }
        }
        return found
    }

    /// A Discord interaction.
    private static func discord(_ input: Data) -> [String] {
        let first = Result { () throws(DiscordError) in try DiscordInteraction(body: input) }
        guard case .success(let interaction) = first else { return described(first) }
        var found: [String] = []
        if (try? DiscordInteraction(body: input)) != interaction { found.append("discord body read twice differs") }
        guard case .command(let command) = interaction else { return found }
        found += Whole.violations(command.channel, command.user, "discord command")
        if command.text.contains("<@!") { found.append("discord text keeps a nickname mention") }
        return found + text(command.text, "discord")
    }

    /// A Teams activity.
    private static func teams(_ input: Data) -> [String] {
        let first = Result { () throws(TeamsError) in try TeamsCommand(body: input) }
        guard case .success(let command) = first else { return described(first) }
        var found = Whole.violations(command.channel, command.user, "teams command")
        if (try? TeamsCommand(body: input)) != command { found.append("teams body read twice differs") }
        if !command.timestamp.timeIntervalSince1970.isFinite { found.append("teams timestamp is not finite") }
        return found + text(command.text, "teams")
    }

    /// A generic webhook command.
    private static func generic(_ input: Data) -> [String] {
        let first = Result { () throws(GenericError) in try GenericCommand(body: input) }
        guard case .success(let command) = first else { return described(first) }
        var found = Whole.violations(command.channel, command.user, "generic command")
        if (try? GenericCommand(body: input)) != command { found.append("generic body read twice differs") }
        return found + text(command.text, "generic")
    }

    /// A decoded command's text: trimmed, parsed without a trap, echoed safely.
    private static func text(_ text: String, _ platform: String) -> [String] {
        var found: [String] = []
        if text != text.trimmingCharacters(in: .whitespacesAndNewlines) {
            found.append("\(platform) text untrimmed: \(text.debugDescription)")
        }
        _ = CommandParser.parse(text)
        return found + EchoInvariants.violations(echoing: text)
    }

    /// No violations; a refusal's description (the 400's reason) is built, so a trap there shows.
    private static func described<Value, Failure: Error & CustomStringConvertible>(
        _ result: Result<Value, Failure>
    ) -> [String] {
        if case .failure(let error) = result { _ = error.description }
        return []
    }
}
