import Yams

/// One `key: value` of a YAML mapping, with the dotted path problems name it by.
struct ConfigEntry {
    /// The key as written (`escalate_after`).
    let key: String
    /// The dotted path from the top of the file (`follow_up.escalate_after`).
    let path: String
    /// The key's node, where problems about the whole entry point; nil at the top of the file.
    let keyNode: Node?
    /// The value's node.
    let value: Node

    /// Another value read under the same path: an item of this entry's list.
    func item(_ node: Node) -> ConfigEntry {
        ConfigEntry(key: key, path: path, keyNode: keyNode, value: node)
    }
}
