import DeputyChat
import DeputyCore
import Foundation

/// A form body, as Slack and Mattermost post slash commands and Slack posts button presses: the
/// decoder's two views agree and survive a round trip, and every command read from a form is
/// whole, parses, and echoes safely.
enum FormFuzz {
    /// Every broken promise on `input`.
    static func violations(in input: Data) -> [String] {
        var found: [String] = []
        let fields = Result { () throws(FormError) in try FormDecoder.decode(input) }
        let pairs = Result { () throws(FormError) in try FormDecoder.pairs(input) }
        switch (fields, pairs) {
        case (.success(let fields), .success(let pairs)):
            found += agreement(fields, pairs)
            found += roundTrip(pairs)
            found += slashCommand(input, fields: fields)
            found += mattermostCommand(fields)
            found += slackInteraction(input)
        case (.failure(let error), .failure(let other)):
            if error != other { found.append("decode fails with \(error), pairs with \(other)") }
            _ = error.description
        default:
            found.append("decode and pairs disagree: \(fields) / \(pairs)")
        }
        return found
    }

    /// The fields are each name's first value, and nothing else.
    private static func agreement(_ fields: [String: String], _ pairs: [(name: String, value: String)]) -> [String] {
        var first: [String: String] = [:]
        for (name, value) in pairs where first[name] == nil { first[name] = value }
        return first == fields ? [] : ["fields \(fields) are not the first of each pair in \(pairs)"]
    }

    /// Percent-encoding the pairs again and decoding them gives the same pairs.
    private static func roundTrip(_ pairs: [(name: String, value: String)]) -> [String] {
        let body = pairs.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
        do {
            let again = try FormDecoder.pairs(Data(body.utf8))
            guard again.map(\.name) == pairs.map(\.name), again.map(\.value) == pairs.map(\.value) else {
                return ["round trip of \(pairs) gives \(again)"]
            }
            return []
        } catch {
            return ["round trip of \(pairs) fails: \(error)"]
        }
    }

    /// `text` percent-encoded, every byte but the unreserved ones.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// A Slack slash command read from the body is the one read from its fields, is whole, and
    /// its text parses and echoes safely.
    private static func slashCommand(_ input: Data, fields: [String: String]) -> [String] {
        let request = try? SlashCommandRequest(body: input)
        guard request == (try? SlashCommandRequest(form: fields)) else {
            return ["slash command from the body differs from the one from its fields"]
        }
        guard case .command(let command)? = request else { return [] }
        var found = Whole.violations(command.channel, command.user, "slack slash command")
        if command.triggerID.isEmpty || command.responseURL.isEmpty {
            found.append("slack slash command without trigger_id or response_url")
        }
        if !command.dedupeKey.hasSuffix(command.triggerID) { found.append("dedupe key lost the trigger_id") }
        let text = command.commandText
        _ = CommandParser.parse(text)
        return found + EchoInvariants.violations(echoing: text)
    }

    /// A Mattermost command read from the fields is whole and its text is trimmed.
    private static func mattermostCommand(_ fields: [String: String]) -> [String] {
        guard let command = try? MattermostCommand(fields: fields) else { return [] }
        var found = Whole.violations(command.channel, command.user, "mattermost command")
        if command.text != command.text.trimmingCharacters(in: .whitespacesAndNewlines) {
            found.append("mattermost text untrimmed: \(command.text.debugDescription)")
        }
        _ = CommandParser.parse(command.text)
        return found + EchoInvariants.violations(echoing: command.text)
    }

    /// A button press Deputy accepts names a command the parser accepts, of the button's verb.
    private static func slackInteraction(_ input: Data) -> [String] {
        let interaction: SlackInteraction
        do {
            interaction = try SlackInteraction(body: input)
        } catch {
            _ = error.description
            return []
        }
        return SlackInteractionInvariants.violations(interaction)
    }
}

extension String {
    /// The text with zeros in front, to at least `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
