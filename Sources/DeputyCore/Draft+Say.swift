import Foundation

/// The notes' canned answers to the anti-patterns, to the channel or to one person in it.
extension Draft {
    mutating func say(_ situation: Command.Situation, to person: User?, by user: User) {
        // What was said is on the log: the practice score looks for the notes' answers.
        record(.said(situation, to: person))
        func line(_ key: PhraseKey, _ addressed: PhraseKey, _ values: [String: PhraseValue] = [:]) -> Line {
            guard let person else { return Line(key, values) }
            return Line(addressed, values.merging(["user": .user(person)]) { $1 })
        }
        switch situation {
        case .takeover:
            // The notes: ask, then wait. What to say if they do not take command is `concerns`.
            say(Reply(.channel, [line(.sayTakeoverAsk, .sayTakeoverAskTo)]))
            tell(user, .sayTakeoverNext)
        case .concerns:
            say(Reply(.channel, [line(.sayTakeoverAnswer, .sayConcernsTo)]))
        case .hurry:
            // Reminded and still not posted, the update is overdue, whatever the next reminder's time.
            let overdue = incident.updateOverdueSince != nil
            if let due = nextUpdateDue, due > now, !overdue {
                say(Reply(.channel, [line(.sayHurry, .sayHurryTo, ["time": .time(due)])]))
            } else if nextUpdateDue != nil {
                say(Reply(.channel, [line(.sayHurryOverdue, .sayHurryOverdueTo)]))
            } else {
                say(Reply(.channel, [line(.sayHurryNoUpdate, .sayHurryNoUpdateTo)]))
            }
        case .spreadsheet:
            say(Reply(.channel, [line(.saySpreadsheet, .saySpreadsheetTo), Line(.saySpreadsheetChoice)]))
        case .severity:
            let values: [String: PhraseValue] = ["severity": .plain(incident.severity.description)]
            say(Reply(.channel, [line(.severityNotDiscussed, .severityNotDiscussedTo, values)]))
        case .crowd:
            say(Reply(.channel, [line(.sayCrowd, .sayCrowdTo)]))
        case .belligerent:
            say(Reply(.channel, [line(.sayBelligerent, .sayBelligerentTo)]))
        case .handoff:
            say(Reply(.channel, [line(.sayHandoff, .sayHandoffTo)]))
        }
    }
}
