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

    @Flag(help: "Ask for the incident-room scopes whatever the settings say (no settings are read).")
    var rooms = false

    @Flag(help: "Ask for the scopes of private incident rooms too (implies --rooms).")
    var privateRooms = false

    @Flag(help: "Print JSON instead of YAML.")
    var json = false

    func run() throws {
        var wanted = (rooms: rooms || privateRooms, isPrivate: privateRooms)
        if !wanted.rooms {
            // The app is often made before Deputy has its secrets: settings that cannot load yet
            // (a public host with no secrets) say so, and the flags need none.
            do {
                let settings = try DaemonSettingsLoader.load(
                    file: config, environment: ProcessInfo.processInfo.environment
                ).rooms
                wanted = (settings.enabled, settings.enabled && settings.isPrivate)
            } catch {
                throw ValidationError(
                    error.description + "\n(or pass --rooms, --private-rooms, or neither flag with settings that load)")
            }
        }
        do {
            let manifest = try SlackManifest(publicURL: url, rooms: wanted.rooms, privateRooms: wanted.isPrivate)
            print(json ? manifest.json : manifest.yaml)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
