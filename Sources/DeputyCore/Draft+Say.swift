import Foundation

/// The notes' canned answers to the anti-patterns.
extension Draft {
    mutating func say(_ situation: Command.Situation, by user: User) {
        switch situation {
        case .takeover:
            say(Reply(.channel, [Line(.sayTakeoverAsk), Line(.sayTakeoverAnswer)]))
        case .hurry:
            if let due = nextUpdateDue {
                announce(.sayHurry, ["time": .time(due)])
            } else {
                announce(.sayHurryNoUpdate)
            }
        case .spreadsheet:
            say(Reply(.channel, [Line(.saySpreadsheet), Line(.saySpreadsheetChoice)]))
        case .severity:
            announce(.severityNotDiscussed, ["severity": .plain(incident.severity.description)])
        case .crowd:
            announce(.sayCrowd)
        case .belligerent:
            announce(.sayBelligerent)
        case .handoff:
            announce(.sayHandoff)
        }
    }
}
