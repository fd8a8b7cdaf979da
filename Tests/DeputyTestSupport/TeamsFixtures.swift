import DeputyCore
import Foundation

/// A Teams outgoing webhook's activity in the shape Microsoft documents (a Bot Framework message
/// activity with `channelData`, mention entities and an HTML attachment), with made-up ids, and
/// its signature computed independently, once, with
/// `openssl dgst -sha256 -mac HMAC -macopt hexkey:<key as hex> -binary body.json | base64`.
public enum TeamsFixtures {
    /// A security token as Teams shows it (base64 of 32 random bytes).
    public static let securityToken = "SNHUsWZ88Je+TybFwCE5dw22rmaTDYpV2CSoRpvOgP4="

    /// The body, byte for byte as signed.
    public static let body =
        #"{"type":"message","id":"1721390400123","timestamp":"2024-07-19T12:00:00.1234567Z","localTimestamp":"2024-07-19T14:00:00.1234567+02:00","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","from":{"id":"29:1hAYleyQx7Kk2vT3nLmZpR8sWdE4fGhJ","name":"Hayley Moss","aadObjectId":"6b2f3c1e-8a4d-4f1b-9c7e-2d5a0e9f1b3c"},"conversation":{"isGroup":true,"id":"19:ops0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2;messageid=1721390400123","name":null,"conversationType":"channel","tenantId":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"},"recipient":null,"textFormat":"plain","attachmentLayout":null,"membersAdded":[],"membersRemoved":[],"topicName":null,"historyDisclosed":null,"locale":"en-GB","text":"<at>Deputy</at>&nbsp;assign <at>Bob Lee</at> check the graphs &amp; logs in 5m\n","speak":null,"inputHint":null,"summary":null,"suggestedActions":null,"attachments":[{"contentType":"text/html","contentUrl":null,"content":"<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">Deputy</span>&nbsp;assign <span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"1\">Bob Lee</span> check the graphs &amp; logs in 5m</div>\n</div>","name":null,"thumbnailUrl":null}],"entities":[{"type":"mention","mentioned":{"id":"28:5d1c8e2f-7a3b-4c9d-8e1f-0a2b3c4d5e6f","name":"Deputy"},"text":"<at>Deputy</at>"},{"type":"mention","mentioned":{"id":"29:1b0bLeeR4tY6uI8oP0aS2dF4gH6jK8lZ","name":"Bob Lee"},"text":"<at>Bob Lee</at>"},{"type":"clientInfo","locale":"en-GB","country":"GB","platform":"Web","timezone":"Europe/London"}],"channelData":{"teamsChannelId":"19:ops0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2","teamsTeamId":"19:team9a8b7c6d5e4f30211f2e3d4c5b6a7@thread.tacv2","channel":{"id":"19:ops0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2"},"team":{"id":"19:team9a8b7c6d5e4f30211f2e3d4c5b6a7@thread.tacv2"},"tenant":{"id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}},"replyToId":null,"value":null,"name":null,"relatesTo":null}"#

    /// `Authorization` for `body` under `securityToken`.
    public static let authorization = "HMAC pxoRX01fiXaXxvrqFYkZ0ceayFVCaXBNCqzZmPcUOH4="

    /// The activity's `timestamp`: 2024-07-19T12:00:00.123Z.
    public static let sentAt = Date(timeIntervalSince1970: 1_721_390_400.123)

    /// The channel everything in `body` is keyed by.
    public static let channelID = "19:ops0a1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2"
    /// The tenant.
    public static let tenantID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"

    /// The caller of `body`.
    public static let hayley = User(id: "29:1hAYleyQx7Kk2vT3nLmZpR8sWdE4fGhJ", name: "Hayley Moss")
    /// The person `body` mentions.
    public static let bob = User(id: "29:1b0bLeeR4tY6uI8oP0aS2dF4gH6jK8lZ", name: "Bob Lee")

    /// An activity like `body`, sent at `date` by `from` to Deputy in `channelID`: its text is
    /// `<at>Deputy</at> ` and `text`, in which each of `mentions` is written `<at>name</at>`.
    public static func activity(
        id: String = "1721390400123", text: String, at date: Date, from: User = hayley, mentions: [User] = [],
        channel: String = channelID, tenant: String = tenantID
    ) -> Data {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let deputy: [String: Any] = [
            "type": "mention", "text": "<at>Deputy</at>", "mentioned": ["id": "28:deputy", "name": "Deputy"],
        ]
        let entities: [Any] =
            [deputy]
            + mentions.map {
                ["type": "mention", "text": "<at>\($0.name)</at>", "mentioned": ["id": $0.id, "name": $0.name]]
            }
        let object: [String: Any] = [
            "type": "message", "id": id, "timestamp": formatter.string(from: date), "channelId": "msteams",
            "from": ["id": from.id, "name": from.name],
            "conversation": ["isGroup": true, "id": "\(channel);messageid=\(id)", "conversationType": "channel"],
            "text": "<at>Deputy</at> \(text)", "entities": entities,
            "channelData": ["channel": ["id": channel], "tenant": ["id": tenant]],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
