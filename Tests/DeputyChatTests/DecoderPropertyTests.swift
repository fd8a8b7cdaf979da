import DeputyChat
import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Bounded property tests, a few thousand seeded cases per decoder: mutated documented payloads
/// and random bytes either decode to something whole (a channel, a person, trimmed text) or are
/// refused with the decoder's own error; none traps. (The fuzz targets go further, for longer.)
struct DecoderPropertyTests {
    static let cases = 3_000

    /// `seed` mutated: bytes flipped, cut, repeated, or replaced by random ones.
    static func mutations(of seed: String, seed number: UInt64) -> [Data] {
        var random = SplitMix64(seed: number)
        let original = Array(seed.utf8)
        let interesting: [[UInt8]] = [
            Array("%".utf8), Array("%zz".utf8), Array("&=".utf8), Array("\"".utf8), Array("{".utf8), Array("}".utf8),
            Array("\\u0000".utf8), [0xFF, 0xFE], [0xC3], Array("\u{0600} ".utf8), Array("<@".utf8), [0],
        ]
        return (0..<cases).map { _ in
            var bytes = original
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 1:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
            case 2:
                let at = Int.random(in: 0...bytes.count, using: &random)
                bytes.insert(contentsOf: interesting[Int.random(in: 0..<interesting.count, using: &random)], at: at)
            case 3:
                let from = Int.random(in: 0..<max(bytes.count, 1), using: &random)
                bytes += bytes[min(from, bytes.count)...]
            default:
                bytes = (0..<Int.random(in: 0...200, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            }
            return Data(bytes)
        }
    }

    static func whole(_ channel: ChannelKey, _ user: User, _ text: String) -> Bool {
        !channel.channel.isEmpty && !user.id.isEmpty && !user.name.isEmpty
            && text.trimmingCharacters(in: .whitespacesAndNewlines) == text
    }

    @Test func slackSlashCommands() {
        for body in Self.mutations(of: SlackFixtures.commandExample, seed: 1) {
            guard case .command(let command)? = try? SlashCommandRequest(body: body) else { continue }
            #expect(Self.whole(command.channel, command.user, command.commandText))
        }
    }

    @Test func forms() {
        for body in Self.mutations(of: SlackFixtures.commandExample, seed: 2) {
            guard let fields = try? FormDecoder.decode(body), let pairs = try? FormDecoder.pairs(body) else { continue }
            #expect(Set(pairs.map(\.name)) == Set(fields.keys), "every pair's name is a field")
        }
    }

    @Test func mattermostCommands() {
        let form =
            "token=t&team_id=team1&channel_id=C1&channel_name=ops&user_id=u1&user_name=hayley&command=%2Fic"
            + "&text=assign+%40bob+check&response_url=https%3A%2F%2Fchat.example.com%2Fhooks%2F1&trigger_id=x"
        for body in Self.mutations(of: form, seed: 3) {
            guard let fields = try? FormDecoder.decode(body), let command = try? MattermostCommand(fields: fields)
            else { continue }
            #expect(Self.whole(command.channel, command.user, command.text))
        }
    }

    @Test func genericCommands() {
        let json = #"{"channel":"general","user":"alice","text":"/ic assign @bob check the graphs"}"#
        for body in Self.mutations(of: json, seed: 4) {
            guard let command = try? GenericCommand(body: body) else { continue }
            #expect(Self.whole(command.channel, command.user, command.text))
        }
    }

    @Test func discordInteractions() {
        let json =
            #"{"application_id":"1","channel_id":"1190000000000000300","data":{"name":"ic","options":[{"name":"text","#
            + #""type":3,"value":"assign <@!80351110224678912> check"}]},"guild_id":"2","id":"3","#
            + #""member":{"user":{"id":"53908232506183680","username":"mason"}},"token":"t","type":2}"#
        for body in Self.mutations(of: json, seed: 5) {
            guard case .command(let command)? = try? DiscordInteraction(body: body) else { continue }
            #expect(Self.whole(command.channel, command.user, command.text))
            #expect(!command.text.contains("<@!"))
        }
    }

    @Test func teamsActivities() {
        for body in Self.mutations(of: TeamsFixtures.body, seed: 6) {
            guard let command = try? TeamsCommand(body: body) else { continue }
            #expect(Self.whole(command.channel, command.user, command.text))
        }
    }
}
