import Foundation

/// Bodies from Slack's documentation, shared by the tests.
enum SlackFixtures {
    /// The example slash-command body from Slack's "Implementing slash commands".
    static let commandExample =
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001"
        + "&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697"
        + "&user_name=Steve&command=/weather&text=94070&response_url=https://hooks.slack.com/commands/1234/5678"
        + "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456"

    /// The signing example from Slack's "Verifying requests from Slack" and python-slack-sdk's tests.
    enum Signing {
        static let secret = "8f742231b10e8888abcd99yyyzzz85a5"
        static let timestamp = "1531420618"
        static let body =
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
        static let signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
        /// A few seconds after the request was signed.
        static let now = Date(timeIntervalSince1970: 1_531_420_618 + 3)
    }
}
