import Foundation

/// What Slack posts to the slash command's address: a command, or an SSL check.
public enum SlashCommandRequest: Hashable, Sendable {
    /// A person ran the command.
    case command(SlashCommand)
    /// Slack checking the certificate (`ssl_check=1`); answer 200 with an empty body.
    case sslCheck

    /// Reads a request from its raw `application/x-www-form-urlencoded` body. Verify the
    /// signature first.
    public init(body: Data) throws(SlackError) {
        let form: [String: String]
        do throws(FormError) { form = try FormDecoder.decode(body) } catch { throw .malformedForm(error) }
        try self.init(form: form)
    }

    /// Reads a request from its decoded form fields.
    public init(form: [String: String]) throws(SlackError) {
        if form["ssl_check"] == "1" {
            self = .sslCheck
        } else {
            self = .command(try SlashCommand(form: form))
        }
    }
}
