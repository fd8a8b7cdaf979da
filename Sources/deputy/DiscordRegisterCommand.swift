import ArgumentParser
import CurlHTTP
import DeputyConfig
import DeputyDaemon
import Foundation

/// `deputy discord-register`: registers the `/ic` application command with Discord.
struct DiscordRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discord-register",
        abstract: "Register the /ic command with Discord (DISCORD_APPLICATION_ID, DISCORD_BOT_TOKEN).")

    @Option(help: "The daemon settings (default: $DEPUTY_CONFIG, or Config/deputy.yaml if it exists).")
    var config: String?

    @Option(help: "Register in this server (guild) id only, where it shows at once; by default, everywhere.")
    var guild: String?

    func run() async throws {
        let settings: DaemonSettings
        do {
            settings = try DaemonSettingsLoader.load(file: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
        guard let applicationID = settings.discord.applicationID else {
            throw ValidationError("set DISCORD_APPLICATION_ID (the Developer Portal's Application ID)")
        }
        guard let token = settings.discord.botToken else {
            throw ValidationError("set DISCORD_BOT_TOKEN (or DISCORD_BOT_TOKEN_FILE)")
        }
        if let guild, guild.isEmpty || !guild.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError("--guild takes a server id: digits only")
        }
        let registration = DiscordRegistration(
            apiURL: settings.discord.apiURL, applicationID: applicationID, botToken: token.value)
        let transport = try CurlHTTPClient()
        defer { transport.shutdown() }
        let outcome: DiscordRegistration.Outcome
        do {
            outcome = try await registration.register(guild: guild, transport: transport)
        } catch {
            throw ValidationError("could not reach \(settings.discord.apiURL): \(error)")
        }
        switch outcome {
        case .registered(let id):
            let scope = guild.map { "in server \($0)" } ?? "everywhere (it can take up to an hour to show)"
            print("registered /ic\(id.map { " (command \($0))" } ?? "") \(scope)")
        case .refused(let status, let message):
            FileHandle.standardError.write(Data("Discord refused the registration (HTTP \(status)): \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
