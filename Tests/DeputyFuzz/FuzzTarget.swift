import Foundation

/// What a fuzz target reads, as Deputy reads it from outside the process, and every promise the
/// code makes about it. A trap is a crash, as it should be; a broken promise is a violation.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Command text: the parser, the echo escapes of every platform and the message splitters.
    case parser
    /// A form body: the form decoder, Slack slash commands and button presses, Mattermost commands.
    case form
    /// A JSON body: Slack interactions and events, Discord interactions, Teams activities and the
    /// generic webhook, each input through every decoder.
    case json
    /// A YAML file: the daemon settings, rules and phrasebook loaders, each input through all three.
    case yaml

    /// The environment variable naming the target `deputy-fuzz` runs.
    public static let variable = "DEPUTY_FUZZ_TARGET"

    /// Every promise broken on `input`, each in a sentence; empty when all hold.
    public func violations(in input: Data) -> [String] {
        switch self {
        case .parser: ParserFuzz.violations(in: input)
        case .form: FormFuzz.violations(in: input)
        case .json: PlatformJSONFuzz.violations(in: input)
        case .yaml: ConfigYAMLFuzz.violations(in: input)
        }
    }
}
