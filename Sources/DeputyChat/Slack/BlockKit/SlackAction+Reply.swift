import DeputyCore

extension SlackAction {
    /// The buttons a reply gets, chosen by its first line's phrase key: an assignment gets
    /// "Understood", a follow-up "Done" and a "Need more time" menu, a proposal "Object".
    /// Any other reply, or one whose lines name no task or proposal, gets none.
    ///
    /// The task or proposal is the first `task_id` or `proposal` value among the reply's
    /// lines: an assignment names its task in its hint line, a proposal in its window line.
    /// `words` says a duration in the phrasebook's words, for the menu's choices.
    public static func elements(
        for reply: Reply, labels: SlackButtonLabels, words: (Span) -> String
    ) -> [SlackElement] {
        guard let key = reply.lines.first?.key else { return [] }
        switch key {
        case .assigned, .reassigned:
            guard let task = firstValue("task_id", in: reply, TaskID.init(parsing:)) else { return [] }
            return [.button(label: labels.understood, action: .ack(task), primary: true)]
        case .followUp:
            guard let task = firstValue("task_id", in: reply, TaskID.init(parsing:)) else { return [] }
            let options = extensionChoices.map { minutes in
                SlackElement.Option(label: words(.minutes(minutes)), action: .extend(task, minutes: minutes))
            }
            return [
                .button(label: labels.done, action: .done(task), primary: true),
                .menu(placeholder: labels.needMoreTime, actionID: ID.extend, options: options),
            ]
        case .proposed:
            guard let proposal = firstValue("proposal", in: reply, ProposalID.init(parsing:)) else { return [] }
            return [.button(label: labels.object, action: .object(proposal), primary: false)]
        case .alertFiring:
            guard let offer = reply.lines.first(where: { $0.key == .alertOffer }),
                case .text(let title)? = offer.values["summary"], case .plain(let level)? = offer.values["level"],
                let severity = Int(level)
            else { return [] }
            let action = SlackAction.declare(title: String(title.prefix(declareTitleLimit)), severity: severity)
            guard action.readsAsItsDeclare else { return [] }
            return [.button(label: labels.declare, action: action, primary: true)]
        default:
            return []
        }
    }

    /// The first value called `name` among the reply's lines that `parse` accepts.
    private static func firstValue<Value>(
        _ name: String, in reply: Reply, _ parse: (String) -> Value?
    ) -> Value? {
        for line in reply.lines {
            switch line.values[name] {
            case .plain(let text), .text(let text):
                if let value = parse(text) { return value }
            default: continue
            }
        }
        return nil
    }
}
