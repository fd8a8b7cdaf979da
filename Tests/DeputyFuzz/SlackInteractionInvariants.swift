import DeputyChat
import DeputyCore

/// What a button press Deputy accepts promises: it is whole, and its command text is one the
/// parser reads as exactly the button's command.
enum SlackInteractionInvariants {
    /// Every broken promise of `interaction`.
    static func violations(_ interaction: SlackInteraction) -> [String] {
        var found = Whole.violations(interaction.channel, interaction.user, "slack button press")
        if interaction.teamID.isEmpty || interaction.triggerID.isEmpty {
            found.append("slack button press without a team or trigger_id")
        }
        let expected: Command =
            switch interaction.action {
            case .ack(let task): .ack(task)
            case .done(let task): .done(task, finding: nil)
            case .extend(let task, let minutes): .extend(task, by: .minutes(minutes))
            case .object(let proposal): .object(proposal, reason: nil)
            case .declare(_, let level):
                (try? CommandParser.parse(interaction.commandText).get()).flatMap { command in
                    guard case .declare(let title, let severity, false) = command, severity?.level == level else {
                        return nil
                    }
                    return .declare(title: title, severity: severity, drill: false)
                } ?? .declare(title: "", severity: nil, drill: false)
            }
        let parsed = CommandParser.parse(interaction.commandText)
        if parsed != .success(expected) {
            found.append("button \(interaction.action) reads as \(parsed), not \(expected)")
        }
        if (try? SlackAction(actionID: interaction.action.actionID, value: interaction.action.value))
            != interaction.action
        {
            found.append("button \(interaction.action) does not survive its own action id and value")
        }
        return found
    }
}
