import DeputyConfig
import Foundation
import Testing

/// `drills`: where the drill scenarios are. The default folder may be absent; one named in the
/// settings file or by `DEPUTY_DRILLS` must exist.
struct DaemonSettingsDrillsTests {
    @Test func theDefaultFolderMayBeAbsent() throws {
        let drills = try SettingsFixture.load().drills
        #expect(drills == DaemonSettings.Drills())
        #expect(drills.folder == "Config/drills")
        #expect(drills.namedBy == nil)
        #expect(try SettingsFixture.load("drills: Config/drills\n").drills.namedBy == nil, "even written out")
    }

    @Test func aFolderNamedInTheSettingsOrTheEnvironmentMustExist() throws {
        let named = try SettingsFixture.load("drills: team/drills\n").drills
        #expect(named == DaemonSettings.Drills(folder: "team/drills", namedBy: "drills in Config/deputy.yaml"))
        let overridden = try SettingsFixture.load(
            "drills: team/drills\n", environment: ["DEPUTY_DRILLS": "/etc/deputy/drills"]
        ).drills
        #expect(overridden == DaemonSettings.Drills(folder: "/etc/deputy/drills", namedBy: "DEPUTY_DRILLS"))
        #expect(SettingsFixture.problems(environment: ["DEPUTY_DRILLS": "  "]).map(\.file) == ["DEPUTY_DRILLS"])
        #expect(
            SettingsFixture.problem(in: "drills: [a, b]\n")
                == "Config/deputy.yaml:1:9: drills: expected a folder path, found a list")
    }

    @Test func theDocumentedKeyIsKnown() {
        #expect(DaemonSettingsLoader.keys.contains("drills"))
    }
}
