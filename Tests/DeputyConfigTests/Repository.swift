import Foundation

/// The checked-out repository these tests belong to, for loading the files it ships.
enum Repository {
    /// The directory holding `Package.swift`, found by walking up from this source file.
    static func root(from file: String = #filePath) -> String? {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// The absolute path of `relative` (`Config/rules.yaml`) in the repository.
    static func path(_ relative: String) -> String? {
        root().map { "\($0)/\(relative)" }
    }
}
