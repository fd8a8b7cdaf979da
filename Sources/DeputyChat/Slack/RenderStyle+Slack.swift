import DeputyCore
import Foundation

extension RenderStyle {
    /// Slack's way of showing things: users as `<@U123>` mentions (Slack shows the current
    /// display name), and text people typed escaped by `SlackMarkup.escape` so it never pings.
    public static func slack(timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> RenderStyle {
        RenderStyle(
            mention: SlackMarkup.mention, escape: SlackMarkup.escape, timeZone: timeZone,
            channel: { id, _ in "<#\(id)>" })
    }
}
