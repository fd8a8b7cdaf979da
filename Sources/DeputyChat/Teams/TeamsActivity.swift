import Foundation

/// The parts of a Bot Framework activity that a Teams outgoing webhook posts and Deputy reads.
/// Every field is optional on the wire; `TeamsCommand` says which it needs.
struct TeamsActivity: Decodable {
    /// A person or the bot: `29:…` ids for people, with their display name.
    struct Account: Decodable {
        var id: String?
        var name: String?
    }

    /// An entity of the activity; only `mention` ones matter here.
    struct Entity: Decodable {
        var type: String?
        var mentioned: Account?
        var text: String?
    }

    /// Something with an id (`channelData.team`, `.channel`, `.tenant`).
    struct Identified: Decodable {
        var id: String?
    }

    /// Teams' own part: where the message was posted.
    struct ChannelData: Decodable {
        var tenant: Identified?
        var team: Identified?
        var channel: Identified?
    }

    var type: String?
    var id: String?
    var timestamp: String?
    var text: String?
    var from: Account?
    var conversation: Identified?
    var channelData: ChannelData?
    var entities: [Entity]?
}
