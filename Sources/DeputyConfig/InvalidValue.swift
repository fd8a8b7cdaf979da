/// Why a piece of text is not a valid setting, in words that follow the setting's name (from the
/// file or the environment): `"80a" is not a port number (1 to 65535)`.
struct InvalidValue: Error {
    /// What is wrong, without the setting's name.
    let message: String

    /// A problem described by `message`.
    init(_ message: String) {
        self.message = message
    }
}
