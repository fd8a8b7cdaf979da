extension DaemonSettingsLoader {
    /// `drills`: the drill scenarios' folder. One other than the default must exist.
    static var drillsFolder: Setting<DaemonSettings> {
        Setting(key: "drills", subkeys: []) { reader, entry, settings in
            guard let text = reader.scalar(entry, expected: "a folder path") else { return }
            do throws(InvalidValue) {
                settings.drills = try drills(text, namedBy: "\(entry.path) in \(reader.file)")
            } catch {
                reader.report(entry.path, error.message, at: entry.value)
            }
        }
    }

    /// `DEPUTY_DRILLS`, naming the drill scenarios' folder.
    static var drillsOverride: EnvironmentOverride {
        EnvironmentOverride(DrillScenarioLoader.folderVariable) { text, settings throws(InvalidValue) in
            settings.drills = try drills(text, namedBy: DrillScenarioLoader.folderVariable)
        }
    }

    /// The folder `text` names, which must exist unless it is the default.
    private static func drills(_ text: String, namedBy: String) throws(InvalidValue) -> DaemonSettings.Drills {
        let folder = try ValueParser.path(text)
        guard folder != DaemonSettings.Drills.defaultFolder else { return DaemonSettings.Drills() }
        return DaemonSettings.Drills(folder: folder, namedBy: namedBy)
    }
}
