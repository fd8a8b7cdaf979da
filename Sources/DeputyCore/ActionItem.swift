import Foundation

/// Work agreed for after the incident, so it does not happen again or hurts less: written with
/// `/ic action`, numbered from `#1`, finished with `/ic action done #n`.
public struct ActionItem: Hashable, Sendable {
    /// Its number in the incident, from 1.
    public var number: Int
    /// What will be done, as it was typed.
    public var text: String
    /// When it was added.
    public var addedAt: Date
    /// Who added it.
    public var addedBy: User?
    /// When it was marked done; nil while it is open.
    public var doneAt: Date?

    public init(number: Int, text: String, addedAt: Date, addedBy: User?, doneAt: Date? = nil) {
        self.number = number
        self.text = text
        self.addedAt = addedAt
        self.addedBy = addedBy
        self.doneAt = doneAt
    }

    /// Whether it is finished.
    public var isDone: Bool { doneAt != nil }
}
