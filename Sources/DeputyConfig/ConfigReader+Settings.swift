import Foundation

extension ConfigReader {
    /// Reads each entry of `section` with the setting of the same key.
    func apply<Root>(_ settings: [Setting<Root>], from section: ConfigSection, to root: inout Root) {
        for entry in section.entries {
            settings.first { $0.key == entry.key }?.read(self, entry, &root)
        }
    }
}
