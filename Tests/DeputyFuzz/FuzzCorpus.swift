import Foundation

/// The inputs kept in the repository: a seed corpus per target (`Tests/Fuzz/Corpus/<target>/`)
/// and every crash a fuzzer found, kept as a regression (`Tests/Fuzz/Crashes/<target>/`).
public enum FuzzCorpus {
    /// `Tests/Fuzz` in the repository this file was built from.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// The seed corpus of `target`.
    public static func seeds(of target: FuzzTarget) -> URL {
        folder.appendingPathComponent("Corpus").appendingPathComponent(target.rawValue)
    }

    /// The crash reproducers of `target`.
    public static func crashes(of target: FuzzTarget) -> URL {
        folder.appendingPathComponent("Crashes").appendingPathComponent(target.rawValue)
    }

    /// Every file at `url`: the file itself, or every file under the folder, sorted by path.
    /// Hidden files are skipped; a path that does not exist holds none.
    public static func files(at url: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [url] }
        let found = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        var files: [URL] = []
        while let next = found?.nextObject() as? URL {
            if (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(next) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
