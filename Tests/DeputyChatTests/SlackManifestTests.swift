import DeputyChat
import Foundation
import Testing
import Yams

/// The app manifest: Deputy's name, command, addresses and scopes, in YAML and JSON alike.
struct SlackManifestTests {
    @Test func theManifestHasEverythingDeputyNeeds() throws {
        let manifest = try SlackManifest(publicURL: "https://deputy.example.com")
        let tree = try #require(try Yams.load(yaml: manifest.yaml) as? [String: Any])
        #expect((tree["display_information"] as? [String: Any])?["name"] as? String == "Deputy")
        let features = try #require(tree["features"] as? [String: Any])
        #expect((features["bot_user"] as? [String: Any])?["display_name"] as? String == "Deputy")
        let command = try #require((features["slash_commands"] as? [[String: Any]])?.first)
        #expect(command["command"] as? String == "/ic")
        #expect(command["url"] as? String == "https://deputy.example.com/slack/commands")
        #expect(command["should_escape"] as? Bool == true)
        #expect((command["usage_hint"] as? String)?.isEmpty == false)
        #expect((command["description"] as? String)?.isEmpty == false)
        let settings = try #require(tree["settings"] as? [String: Any])
        let interactivity = try #require(settings["interactivity"] as? [String: Any])
        #expect(interactivity["is_enabled"] as? Bool == true)
        #expect(interactivity["request_url"] as? String == "https://deputy.example.com/slack/interactions")
        let events = try #require(settings["event_subscriptions"] as? [String: Any])
        #expect(events["request_url"] as? String == "https://deputy.example.com/slack/events")
        #expect(events["bot_events"] as? [String] == ["app_uninstalled", "tokens_revoked"])
        let scopes = ((tree["oauth_config"] as? [String: Any])?["scopes"] as? [String: Any])?["bot"] as? [String]
        #expect(scopes == ["commands", "chat:write", "chat:write.public"])
    }

    @Test func withoutRoomsTheScopesAreTodays() throws {
        let today = ["commands", "chat:write", "chat:write.public"]
        #expect(SlackManifest.botScopes == today)
        #expect(SlackManifest.botScopes(rooms: false, privateRooms: false) == today)
        #expect(SlackManifest.botScopes(rooms: false, privateRooms: true) == today, "private means nothing off")
        let plain = try SlackManifest(publicURL: "https://deputy.example.com")
        #expect(!plain.rooms && !plain.privateRooms && plain.scopes == today)
        let off = try SlackManifest(publicURL: "https://deputy.example.com", rooms: false, privateRooms: true)
        #expect(off.yaml == plain.yaml && off.json == plain.json)
        #expect(
            plain.yaml.contains(
                "  scopes:\n    bot:\n      - \"commands\"\n      - \"chat:write\"\n      - \"chat:write.public\"\nsettings:\n"
            ))
        #expect(plain.json.contains(#""scopes":{"bot":["commands","chat:write","chat:write.public"]}"#))
    }

    @Test func roomsAddTheirScopesOnceAndPrivateRoomsGroupsWrite() throws {
        let rooms = ["commands", "chat:write", "chat:write.public", "channels:manage", "channels:join", "pins:write"]
        #expect(SlackManifest.botScopes(rooms: true, privateRooms: false) == rooms)
        #expect(SlackManifest.botScopes(rooms: true, privateRooms: true) == rooms + ["groups:write"])
        for (privateRooms, expected) in [(false, rooms), (true, rooms + ["groups:write"])] {
            let manifest = try SlackManifest(
                publicURL: "https://deputy.example.com", rooms: true, privateRooms: privateRooms)
            #expect(manifest.scopes == expected)
            for text in [manifest.yaml, manifest.json] {
                let tree =
                    text == manifest.yaml
                    ? try Yams.load(yaml: text) as? [String: Any]
                    : try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                let oauth = tree?["oauth_config"] as? [String: Any]
                #expect((oauth?["scopes"] as? [String: Any])?["bot"] as? [String] == expected)
            }
        }
    }

    @Test func yamlAndJSONSayTheSame() throws {
        let manifest = try SlackManifest(publicURL: "https://deputy.example.com/")
        let fromYAML = try #require(try Yams.load(yaml: manifest.yaml) as? NSDictionary)
        let fromJSON = try #require(try JSONSerialization.jsonObject(with: Data(manifest.json.utf8)) as? NSDictionary)
        #expect(fromYAML == fromJSON)
    }

    @Test func theYAMLReadsWell() throws {
        let yaml = try SlackManifest(publicURL: "https://deputy.example.com").yaml
        #expect(yaml.hasPrefix("display_information:\n  name: \"Deputy\"\n"))
        #expect(
            yaml.contains(
                "  slash_commands:\n    - command: \"/ic\"\n      url: \"https://deputy.example.com/slack/commands\"\n")
        )
        #expect(yaml.contains("    bot:\n      - \"commands\"\n      - \"chat:write\"\n"))
    }

    @Test(
        "Public URLs are normalised",
        arguments: [
            ("https://deputy.example.com", "https://deputy.example.com"),
            ("https://deputy.example.com/", "https://deputy.example.com"),
            ("HTTPS://deputy.example.com", "https://deputy.example.com"),
            ("https://deputy.example.com:8443/ops/", "https://deputy.example.com:8443/ops"),
            ("  https://deputy.example.com  ", "https://deputy.example.com"),
        ])
    func normalised(url: String, base: String) throws {
        let manifest = try SlackManifest(publicURL: url)
        #expect(manifest.baseURL == base)
        #expect(manifest.commandsURL == base + "/slack/commands")
    }

    @Test(
        "Other URLs are refused with a reason",
        arguments: [
            "http://deputy.example.com", "deputy.example.com", "https://", "https:///path", "", "ftp://x",
            "https://deputy.example.com/?x=1", "https://deputy.example.com/#top", "https://user:pw@deputy.example.com",
            "not a url",
        ])
    func refused(url: String) {
        #expect {
            try SlackManifest(publicURL: url)
        } throws: { error in
            guard case .invalidPublicURL(let given, let reason) = error as? SlackError else { return false }
            return given == url && !reason.isEmpty
        }
    }

    @Test func strangeTextsStayQuotedAndIntact() throws {
        let hint = #"say "hi": - # & \ {x} [y]"#
        let manifest = try SlackManifest(publicURL: "https://d.example", usageHint: hint)
        let tree = try #require(try Yams.load(yaml: manifest.yaml) as? [String: Any])
        let command = (((tree["features"] as? [String: Any])?["slash_commands"]) as? [[String: Any]])?.first
        #expect(command?["usage_hint"] as? String == hint)
    }
}
