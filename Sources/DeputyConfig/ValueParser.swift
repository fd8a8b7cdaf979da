import Foundation

/// Reads the daemon's text settings, the same way whether they come from `Config/deputy.yaml` or
/// from the environment, so both report the same words for the same mistake.
enum ValueParser {
    /// The largest request body Deputy can be told to accept: 64 MiB.
    static let byteCountRange = 1024...67_108_864

    /// An address to bind to: an IPv4 or IPv6 address or a host name, with no port or scheme.
    static func host(_ text: String) throws(InvalidValue) -> String {
        if text.contains("://") {
            throw InvalidValue("\"\(text)\" is a URL; write only the address to listen on, like 127.0.0.1 or 0.0.0.0")
        }
        if text.hasPrefix("[") {
            throw InvalidValue("\"\(text)\": write an IPv6 address without brackets, like ::1")
        }
        if DaemonSettings.isIPAddress(text) { return text }
        if text.contains(":") {
            throw InvalidValue("\"\(text)\" is not an address (put the port under port, not after a colon)")
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        guard valid, text.count <= 253 else {
            throw InvalidValue("\"\(text)\" is not an IP address or a host name (like 127.0.0.1, 0.0.0.0 or ::1)")
        }
        return text
    }

    /// A TCP port, 1 to 65535.
    static func port(_ text: String) throws(InvalidValue) -> Int {
        guard let number = Int(text), (1...65535).contains(number) else {
            throw InvalidValue("\"\(text)\" is not a port number (1 to 65535)")
        }
        return number
    }

    /// An `http` or `https` address, returned without a trailing slash. Plain `http` only to a
    /// loopback host, since what travels there (a bot token, a platform's requests) would
    /// otherwise cross the network unencrypted.
    static func url(_ text: String) throws(InvalidValue) -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw InvalidValue("\"\(text)\" is not a URL (write it in full, like https://deputy.example.com)")
        }
        guard components.user == nil, components.password == nil else {
            // Never repeat the text: it holds a password.
            throw InvalidValue("the URL must not contain a user name or password")
        }
        guard ["http", "https"].contains(scheme) else {
            throw InvalidValue("\"\(text)\" must start with https://")
        }
        guard components.query == nil, components.fragment == nil else {
            throw InvalidValue("\"\(text)\" must not have a query (?…) or a fragment (#…)")
        }
        guard scheme == "https" || DaemonSettings.isLoopback(host: host) else {
            throw InvalidValue("\"\(text)\" must use https:// (plain http:// is allowed only to localhost)")
        }
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A file path: any text that is not blank.
    static func path(_ text: String) throws(InvalidValue) -> String {
        guard !text.allSatisfy(\.isWhitespace) else { throw InvalidValue("is empty") }
        guard !text.contains("\0") else { throw InvalidValue("a path cannot contain a NUL character") }
        return text
    }

    /// A Slack channel id: capital letters and digits, like `C0123456789`.
    static func channelID(_ text: String) throws(InvalidValue) -> String {
        if text.hasPrefix("#") {
            throw InvalidValue(
                "\"\(text)\" is a channel name; write the channel's id (like C0123456789, under "
                    + "the channel's details in Slack)")
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw InvalidValue("\"\(text)\" is not a channel id (capital letters and digits, like C0123456789)")
        }
        return text
    }

    /// A Discord application's public key: 64 hex digits, as the Developer Portal shows it.
    static func publicKey(_ text: String) throws(InvalidValue) -> String {
        let key = text.trimmingCharacters(in: .whitespaces)
        guard key.utf8.count == 64, key.allSatisfy(\.isHexDigit) else {
            throw InvalidValue("is not a public key: expected the 64 hex digits the Developer Portal shows")
        }
        return key.lowercased()
    }

    /// A Discord id (a snowflake): 15 to 21 digits.
    static func snowflake(_ text: String) throws(InvalidValue) -> String {
        guard (15...21).contains(text.utf8.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InvalidValue("\"\(text)\" is not a Discord id (15 to 21 digits, like 1234567890123456789)")
        }
        return text
    }

    /// A number of bytes within `byteCountRange`.
    static func byteCount(_ text: String) throws(InvalidValue) -> Int {
        guard let number = Int(text) else { throw InvalidValue("\"\(text)\" is not a whole number of bytes") }
        guard byteCountRange.contains(number) else {
            throw InvalidValue(
                "\(number) is out of range (\(byteCountRange.lowerBound) to \(byteCountRange.upperBound) bytes)")
        }
        return number
    }
}
