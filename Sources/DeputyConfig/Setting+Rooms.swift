import DeputyCore
import Foundation
import Yams

extension Setting {
    /// `rooms.name`: a room's name pattern, like `inc-{number}-{slug}`.
    static func roomName(_ key: String, _ path: WritableKeyPath<Root, String>) -> Setting {
        text(key, path, expected: "a name pattern like \"inc-{number}-{slug}\"", parse: ValueParser.roomNamePattern)
    }

    /// `rooms.announce`: one channel id for every platform with rooms, or a mapping from each such
    /// platform (`slack`, `mattermost`, `discord`) to its own; empty for none. Nothing changes if
    /// any of it is wrong.
    static func announceChannels(_ key: String, _ path: WritableKeyPath<Root, [String: String]>) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            let platforms = DaemonSettings.Rooms.platforms
            if entry.value.isEmptyValue {
                root[keyPath: path] = [:]
                return
            }
            if case .scalar(let scalar) = entry.value {
                do throws(InvalidValue) {
                    let channel = try ValueParser.anyChannelID(scalar.string)
                    root[keyPath: path] = Dictionary(uniqueKeysWithValues: platforms.map { ($0, channel) })
                } catch {
                    reader.report(entry.path, error.message, at: entry.value)
                }
                return
            }
            guard entry.value.mapping != nil else {
                reader.report(
                    entry.path,
                    "expected a channel id, or a mapping from platform to channel id, found \(entry.value.kind)",
                    at: entry.value)
                return
            }
            guard let section = reader.section(entry, known: nil) else { return }
            var channels: [String: String] = [:]
            var valid = true
            for item in section.entries {
                guard platforms.contains(item.key) else {
                    let teams = item.key == "teams" ? "Teams has no rooms; " : ""
                    reader.report(
                        item.path,
                        "\(teams)not a platform with rooms (expected \(platforms.joined(separator: ", ")))",
                        at: item.keyNode)
                    valid = false
                    continue
                }
                if item.value.isEmptyValue { continue }
                guard let text = reader.scalar(item, expected: "the \(item.key) channel's id") else {
                    valid = false
                    continue
                }
                do throws(InvalidValue) {
                    channels[item.key] = try ValueParser.announceChannel(text, on: item.key)
                } catch {
                    reader.report(item.path, error.message, at: item.value)
                    valid = false
                }
            }
            if valid { root[keyPath: path] = channels }
        }
    }

    /// A duration (`10s`, `1m`) within `range`, in seconds.
    static func interval(
        _ key: String, _ path: WritableKeyPath<Root, TimeInterval>, in range: ClosedRange<TimeInterval>
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            var span = Span(seconds: 0)
            guard reader.duration(entry, into: &span) else { return }
            guard range.contains(span.interval) else {
                let bounds =
                    "\(DaemonSettings.written(range.lowerBound)) to \(DaemonSettings.written(range.upperBound))"
                reader.report(entry.path, "\(entry.value.kind) is out of range (\(bounds))", at: entry.value)
                return
            }
            root[keyPath: path] = span.interval
        }
    }

    /// A duration of at least `shortest`, in seconds, or `off` (also `false`, `never`, `none`, or
    /// an empty value) for nil.
    static func intervalOrOff(
        _ key: String, _ path: WritableKeyPath<Root, TimeInterval?>, atLeast shortest: TimeInterval
    ) -> Setting {
        Setting(key: key, subkeys: []) { reader, entry, root in
            // Stays zero when the text is neither off nor a duration (reported).
            var span: Span? = Span(seconds: 0)
            reader.durationOrOff(entry, into: &span)
            guard let span else {
                root[keyPath: path] = nil
                return
            }
            guard span.seconds > 0 else { return }
            guard span.interval >= shortest else {
                let bounds = "\(DaemonSettings.written(shortest)) to \(DaemonSettings.written(Span.longest.interval))"
                reader.report(entry.path, "\(entry.value.kind) is out of range (\(bounds), or off)", at: entry.value)
                return
            }
            root[keyPath: path] = span.interval
        }
    }
}
