import DeputyCore
import Foundation
import Yams

/// Loads `Config/alerts.yaml` (or the file named by `DEPUTY_ALERTS`) into `AlertRouting`: which
/// alerts go to which channel, and what Deputy does there. Every problem in the file is reported
/// at once, each with its line, column and key.
public enum AlertRoutesLoader {
    /// The variable naming the routes file.
    public static let fileVariable = "DEPUTY_ALERTS"

    /// The platforms a route's channel may be on.
    public static let platforms = ["slack", "mattermost", "discord", "teams", "generic"]

    /// The routes in the file `alerts` names. The default file may be absent (no routes); one
    /// named by `DEPUTY_ALERTS` or the settings file must exist.
    public static func load(_ alerts: DaemonSettings.Alerts) throws(ConfigError) -> AlertRouting {
        try load(path: alerts.routesPath, namedBy: alerts.routesNamedBy)
    }

    /// The routes in the file at `path`. When `namedBy` is nil a missing file means no routes;
    /// otherwise it is a problem saying who named the file.
    public static func load(path: String, namedBy: String? = nil) throws(ConfigError) -> AlertRouting {
        if namedBy == nil, !FileManager.default.fileExists(atPath: path) { return AlertRouting() }
        let yaml: String
        do {
            yaml = try YAMLSource.text(at: path)
        } catch {
            var problems = error.problems
            if let namedBy, problems.count == 1 { problems[0].message += " (named by \(namedBy))" }
            throw ConfigError(problems: problems)
        }
        return try load(yaml: yaml, file: path)
    }

    /// The routes in `yaml`; `file` names it in problems.
    public static func load(yaml: String, file: String) throws(ConfigError) -> AlertRouting {
        let root = try YAMLSource.compose(yaml, file: file)
        let reader = ConfigReader(file: file)
        var routing = AlertRouting()
        if let section = reader.root(root, known: ["routes", "default"]) {
            if let entry = section["routes"] {
                routing.routes = routes(entry, reader: reader)
            }
            if let entry = section["default"], !entry.value.isEmptyValue {
                routing.defaultChannel = channel(entry, reader: reader)
            }
        }
        try reader.finish()
        return routing
    }

    /// The routes in the list `entry`, in order, each named; the ones with problems left out
    /// (and reported), as are names given twice.
    private static func routes(_ entry: ConfigEntry, reader: ConfigReader) -> [AlertRoute] {
        guard let items = reader.list(entry, expected: "a list of routes, each starting with `- match:`") else {
            return []
        }
        var routes: [AlertRoute] = []
        var names: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "\(entry.path)[\(index + 1)]"
            let numbered = ConfigEntry(key: entry.key, path: path, keyNode: item.value, value: item.value)
            guard let (route, nameNode) = route(numbered, index: index, reader: reader) else { continue }
            guard names.insert(route.name).inserted else {
                reader.report(
                    "\(path).name",
                    "another route above is named \(route.name); names must differ (they label "
                        + "the metrics)", at: nameNode ?? item.value)
                continue
            }
            routes.append(route)
        }
        return routes
    }
}
