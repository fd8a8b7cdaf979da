/// The keys under which Slack requests are remembered, so one delivered twice (a retry, a
/// double click) is acted on once. Each names the platform, the kind and the team, so keys of
/// different kinds and workspaces never collide.
public enum SlackDedupeKey {
    /// A slash command, by its `trigger_id`.
    public static func command(triggerID: String, teamID: String) -> String {
        "slack:command:\(teamID):\(triggerID)"
    }

    /// A button or menu choice, by its `trigger_id`.
    public static func interaction(triggerID: String, teamID: String) -> String {
        "slack:interaction:\(teamID):\(triggerID)"
    }

    /// An Events API delivery, by its `event_id`. Slack's retries of one event carry the same
    /// `event_id` (and an `X-Slack-Retry-Num`), so they share this key.
    public static func event(eventID: String, teamID: String) -> String {
        "slack:event:\(teamID):\(eventID)"
    }
}
