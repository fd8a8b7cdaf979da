import DeputyChat
import DeputyCore
import Foundation

/// One chat platform's side of incident rooms: its API for rooms and cards, how it writes a card,
/// and whom it can invite.
public struct RoomPlatform: Sendable {
    /// The platform's calls for rooms, cards and pins.
    public let api: any RoomAPI
    /// A card's text as the platform shows it, within its message limit.
    public let render: @Sendable (Reply) -> String
    /// A person's id on the platform, to invite them; nil when Deputy knows them only by name.
    public let userID: @Sendable (User) -> String?
    /// The least time between two edits of one card.
    public let cardInterval: TimeInterval

    public init(
        api: any RoomAPI, render: @escaping @Sendable (Reply) -> String,
        userID: @escaping @Sendable (User) -> String?, cardInterval: TimeInterval = 10
    ) {
        self.api = api
        self.render = render
        self.userID = userID
        self.cardInterval = cardInterval
    }

    /// A platform whose users' ids come in every command (Slack, Discord): anyone not known only by
    /// name can be invited as they are.
    public static func userIDs(_ user: User) -> String? {
        user.isKnownByName ? nil : user.id
    }
}
