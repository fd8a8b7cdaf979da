/// Finds HTTP header values by name, ignoring case, as HTTP requires.
package enum HeaderLookup {
    /// The value of the header called `name` in any case, or nil.
    package static func value(_ name: String, in headers: [String: String]) -> String? {
        if let exact = headers[name] { return exact }
        let wanted = name.lowercased()
        return headers.first { $0.key.lowercased() == wanted }?.value
    }
}
