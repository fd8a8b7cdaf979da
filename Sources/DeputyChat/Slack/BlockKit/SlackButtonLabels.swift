/// The words on Deputy's buttons, from the phrasebook: code never holds them.
public struct SlackButtonLabels: Hashable, Sendable {
    /// On an assignment: the owner acknowledges.
    public var understood: String
    /// On a follow-up: the task is finished.
    public var done: String
    /// On a follow-up: the menu of extra minutes.
    public var needMoreTime: String
    /// On a proposal: object to it.
    public var object: String
    /// On an alert offered for a declare: declare it.
    public var declare: String

    /// Labels from the phrasebook's words.
    public init(understood: String, done: String, needMoreTime: String, object: String, declare: String) {
        self.understood = understood
        self.done = done
        self.needMoreTime = needMoreTime
        self.object = object
        self.declare = declare
    }
}
