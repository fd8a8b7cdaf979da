import ArgumentParser
import DeputyChat
import DeputyConfig
import Foundation

/// `deputy slack-manifest --url https://HOST`: the Slack app manifest, ready to paste, with the
/// scopes incident rooms need when the settings switch them on.
struct SlackManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slack-manifest", abstract: "Print the Slack app manifest for Deputy at a public https URL.")

    @Option(help: "How Slack reaches Deputy, e.g. https://deputy.example.com")
    var url: String

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @Flag(help: "Print JSON instead of YAML.")
    var json = false

    func run() throws {
        let rooms: DaemonSettings.Rooms
        do {
            rooms = try DaemonSettingsLoader.load(file: config, environment: ProcessInfo.processInfo.environment).rooms
        } catch {
            throw ValidationError(error.description)
        }
        do {
            let manifest = try SlackManifest(
                publicURL: url, rooms: rooms.enabled, privateRooms: rooms.enabled && rooms.isPrivate)
            print(json ? manifest.json : manifest.yaml)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
