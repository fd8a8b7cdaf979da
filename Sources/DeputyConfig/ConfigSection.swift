import Yams

/// A YAML mapping being read: its dotted path, where it starts, and its entries in file order.
struct ConfigSection {
    /// The dotted path of the mapping; empty at the top of the file.
    let path: String
    /// The key naming the section, where problems about the whole section point; nil at the top.
    let keyNode: Node?
    /// The entries whose keys are allowed here, in file order.
    let entries: [ConfigEntry]

    /// The entry for `key`, if the file has one.
    subscript(key: String) -> ConfigEntry? {
        entries.first { $0.key == key }
    }

    /// The dotted path of `key` inside this section.
    func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
