import ArgumentParser
import DeputyChat
import Foundation

/// `deputy slack-manifest --url https://HOST`: the Slack app manifest, ready to paste.
struct SlackManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slack-manifest", abstract: "Print the Slack app manifest for Deputy at a public https URL.")

    @Option(help: "How Slack reaches Deputy, e.g. https://deputy.example.com")
    var url: String

    @Flag(help: "Print JSON instead of YAML.")
    var json = false

    func run() throws {
        do {
            let manifest = try SlackManifest(publicURL: url)
            print(json ? manifest.json : manifest.yaml)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
