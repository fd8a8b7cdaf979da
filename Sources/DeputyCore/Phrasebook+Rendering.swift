import Foundation

extension Phrasebook {
    /// The finished text of a reply: its lines rendered and joined by newlines.
    public func render(_ reply: Reply, style: RenderStyle) -> String {
        reply.lines.map { render($0, style: style) }.joined(separator: "\n")
    }

    /// One line's text. A missing phrase or value renders visibly (`{key}`) rather than failing:
    /// start-up validation makes that impossible with a checked phrasebook.
    public func render(_ line: Line, style: RenderStyle) -> String {
        guard let template = phrases[line.key] else { return "{\(line.key.rawValue)}" }
        var out = ""
        for part in template.parts {
            switch part {
            case .literal(let text): out += text
            case .slot(let name):
                if let value = line.values[name] { out += render(value, style: style) } else { out += "{\(name)}" }
            }
        }
        return out
    }

    /// One value's text.
    public func render(_ value: PhraseValue, style: RenderStyle) -> String {
        switch value {
        case .user(let user): style.mention(user)
        case .duration(let span): words(for: span)
        case .text(let text): style.escape(text)
        case .plain(let text): text
        case .time(let date): clock(date, in: style.timeZone)
        case .moment(let date): moment(date, in: style.timeZone)
        case .date(let day): words(for: day)
        case .term(let term): terms[term] ?? term.rawValue
        case .usage(let verb): usage[verb] ?? verb.rawValue
        case .help(let verb): help[verb] ?? verb.rawValue
        case .list(let items): items.map { render($0, style: style) }.joined(separator: units.listSeparator)
        case .lines(let lines): lines.map { render($0, style: style) }.joined(separator: "\n")
        case .channel(let id, let name): style.channel(id, name)
        }
    }

    /// A duration in words: "30 seconds", "5 minutes", "4 minutes 30 seconds", "1 hour 30 minutes".
    /// Seconds are shown only up to 5 minutes; past that, a duration is said to the nearest minute.
    public func words(for span: Span) -> String {
        let total = max(0, span.seconds)
        if total < 60 { return units.second(total) }
        if total <= 300 {
            let (minutes, seconds) = total.quotientAndRemainder(dividingBy: 60)
            return seconds == 0
                ? units.minute(minutes)
                : units.minute(minutes) + units.separator + units.second(seconds)
        }
        let roundedMinutes = (total + 30) / 60
        let (hours, minutes) = roundedMinutes.quotientAndRemainder(dividingBy: 60)
        if hours == 0 { return units.minute(minutes) }
        if minutes == 0 { return units.hour(hours) }
        return units.hour(hours) + units.separator + units.minute(minutes)
    }

    /// A day in words, with its weekday: "Thursday 10 December".
    public func words(for day: LocalDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
        let weekday = noon.map { calendar.component(.weekday, from: $0) } ?? 1
        let names = units.weekdays.count == 7 ? units.weekdays : Units().weekdays
        let months = units.months.count == 12 ? units.months : Units().months
        return units.date
            .replacingOccurrences(of: "{weekday}", with: names[weekday - 1])
            .replacingOccurrences(of: "{day}", with: String(day.day))
            .replacingOccurrences(of: "{month}", with: months[max(1, min(12, day.month)) - 1])
    }

    /// A moment as `HH:MM ZONE` in the team's time zone.
    public func clock(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let abbreviation = timeZone.abbreviation(for: date) ?? timeZone.identifier
        let zone = timeZone.secondsFromGMT(for: date) == 0 && abbreviation == "GMT" ? "UTC" : abbreviation
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute) \(zone)"
    }

    /// A moment as `YYYY-MM-DD HH:MM ZONE` in the team's time zone: the local date, then the
    /// same clock as `clock(_:in:)`.
    public func moment(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return LocalDate(date, in: calendar).description + " " + clock(date, in: timeZone)
    }
}
