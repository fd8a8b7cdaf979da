import DeputyChat
import DeputyCore
import Foundation

/// Command text, as any platform's decoder hands it to the core: the parser is total and keeps
/// `CommandParserInvariants`, and echoing the text is safe on every platform.
enum ParserFuzz {
    /// Every broken promise on `input` read as UTF-8 (invalid bytes become U+FFFD, as they do
    /// when a decoder reads a body leniently).
    static func violations(in input: Data) -> [String] {
        let text = String(decoding: input, as: UTF8.self)
        var found = CommandParserInvariants.violations(for: text)
        // The text as Slack and Discord hand it over, mentions made canonical.
        for canonical in Set([SlackMarkup.canonical(text), DiscordMarkup.canonical(text)]) where canonical != text {
            found += CommandParserInvariants.violations(for: canonical)
        }
        found += EchoInvariants.violations(echoing: text)
        return found
    }
}
