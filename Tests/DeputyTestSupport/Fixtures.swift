import DeputyCore
import Foundation

/// Shared test values: people, a channel, a fixed start time.
public enum Fixtures {
    /// Sunday 2026-11-29 03:00 UTC: an incident at 3 a.m.
    public static let start = Date(timeIntervalSince1970: 1_795_921_200)
    public static let channel = ChannelKey(platform: "test", team: "T1", channel: "C1")
    public static let alice = User(id: "alice", name: "alice")
    public static let hayley = User(id: "hayley", name: "hayley")
    public static let tatiana = User(id: "tatiana", name: "tatiana")
    public static let camden = User(id: "camden", name: "camden")

    /// The repository's root folder (the one holding Package.swift), found from this file.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A path inside the repository.
    public static func path(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }
}
