extension CommandParser {
    /// `page` (or `page list`) lists the services; `page ack [service]` records an
    /// acknowledgement; `page <service> [message]` pages one (`page database the primary is
    /// down`, `page @database`, `page database: the primary is down`).
    static func page(_ arguments: Arguments) -> Command {
        guard let first = arguments.first else { return .pageList }
        if arguments.single?.isOne(of: ["list", "services"]) == true { return .pageList }
        if first.isOne(of: ["ack", "acknowledge", "acknowledged", "understood"]) {
            let rest = arguments.dropFirst()
            return .pageAck(service: rest.first.map { serviceName($0.text) })
        }
        let message = arguments.dropFirst().text
        return .page(service: serviceName(first.text), message: message)
    }

    /// A service as typed: without a leading `@`, a trailing colon or comma, in lower case.
    private static func serviceName(_ word: Substring) -> String {
        var name = word.lowercased()
        if name.hasPrefix("@") { name.removeFirst() }
        while let last = name.last, last == ":" || last == "," { name.removeLast() }
        return name
    }
}
