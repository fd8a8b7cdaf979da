import DeputyChat
import DeputyCore
import Testing

/// Slack markup in (mentions, links, entities) and escaping on the way out.
struct SlackMarkupTests {
    @Test(
        "Inbound text becomes the core's canonical form",
        arguments: [
            ("assign <@U123|hayley> check db", "assign <@U123|hayley> check db"),
            ("assign <@U123> check db", "assign <@U123|U123> check db"),
            ("role scribe <@W9|sam lee>", "role scribe <@W9|sam lee>"),
            ("assign <@U123|> x", "assign <@U123|U123> x"),
            ("<!here> <!channel> <!everyone>", "<!here> <!channel> <!everyone>"),
            ("assign <!subteam^S1|@sre> x", "assign <!subteam^S1|@sre> x"),
            ("see <#C42|ops>", "see #ops"),
            ("postmortem done <https://wiki.example.com/pm/1>", "postmortem done https://wiki.example.com/pm/1"),
            (
                "postmortem done <https://x.example/a?b=1&amp;c=2|the doc>",
                "postmortem done https://x.example/a?b=1&c=2"
            ),
            ("note a &lt; b &amp;&amp; c &gt; d", "note a < b && c > d"),
            ("note &amp;lt;@U1&amp;gt;", "note &lt;@U1&gt;"),
            ("note &lt;!channel&gt;", "note <!channel>"),
            ("note &quot;as is&quot; &", "note &quot;as is&quot; &"),
            ("note unclosed <@U1", "note unclosed <@U1"),
            ("", ""),
            ("<>", ""),
            ("<@>", "<@>"),
            ("caf\u{E9} ☃ <@U1|Zo\u{EB}>", "caf\u{E9} ☃ <@U1|Zo\u{EB}>"),
            ("<@U1|o&amp;brien>", "<@U1|o&brien>"),
        ])
    func canonical(slack: String, core: String) {
        #expect(SlackMarkup.canonical(slack) == core)
    }

    @Test func mentionsReachTheCoreAsPeople() {
        let parsed = CommandParser.parse(SlackMarkup.canonical("role scribe <@U7>"))
        #expect(parsed == .success(.role(.scribe, User(id: "U7", name: "U7"))))
    }

    @Test(
        "Group mentions reach the core as groups, which it refuses as owners",
        arguments: [
            "assign <!here> check the db", "assign <!channel> check the db", "assign <!everyone> check the db",
            "assign <!subteam^S1|@sre> check the db", "assign &lt;!channel&gt; check the db",
        ])
    func groupMentionsAreRefused(slack: String) {
        guard case .failure = CommandParser.parse(SlackMarkup.canonical(slack)) else {
            Issue.record("\(slack) was accepted")
            return
        }
    }

    @Test(
        "Escaped text never pings",
        arguments: [
            "<!channel>", "<!here>", "<!everyone>", "<@U999>", "<!subteam^S1|@sre>", "@channel", "@here",
            "@everyone", "@Channel please", "ping @HERE!", "<@U999|boss> and @everyone", "<<!channel>>",
            "&lt;!channel&gt;", "a@channel", "@\u{2060}channel",
        ])
    func escapedTextNeverPings(text: String) {
        let escaped = SlackMarkup.escape(text)
        #expect(!escaped.contains("<"), "\(escaped)")
        #expect(!escaped.contains(">"), "\(escaped)")
        for word in ["@channel", "@here", "@everyone"] {
            #expect(!escaped.lowercased().contains(word), "\(escaped)")
        }
    }

    @Test(
        "Escaping",
        arguments: [
            ("plain text", "plain text"),
            ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
            ("<!channel>", "&lt;!channel&gt;"),
            ("&amp;", "&amp;amp;"),
            ("@channel", "@\u{2060}channel"),
            ("@Everyone!", "@\u{2060}Everyone!"),
            ("mail ada@example.com", "mail ada@example.com"),
            ("@hayley", "@hayley"),
            ("@", "@"),
        ])
    func escaping(text: String, escaped: String) {
        #expect(SlackMarkup.escape(text) == escaped)
    }

    @Test(
        "Users are mentioned by Slack id, anyone else by escaped name",
        arguments: [
            (User(id: "U123", name: "hayley"), "<@U123>"),
            (User(id: "W0ABC9", name: "sam"), "<@W0ABC9>"),
            (User(id: "hayley", name: "hayley"), "@hayley"),
            (User(id: "U1>x", name: "sneaky"), "@sneaky"),
            (User(id: "u123", name: "here"), "@\u{2060}here"),
            (User(id: "U", name: "u"), "@u"),
        ])
    func mentions(user: User, text: String) {
        #expect(SlackMarkup.mention(user) == text)
        #expect(RenderStyle.slack().mention(user) == text)
    }
}
