#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension DaemonSettings {
    /// Whether `host` names this machine only: an IPv4 address in `127.0.0.0/8`, the IPv6
    /// loopback `::1` (also written out, or IPv4-mapped as `::ffff:127.0.0.1`), or `localhost`.
    /// Any other name counts as reachable from elsewhere, since it may resolve to anything.
    static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name == "localhost." { return true }
        if let address = ipv4(name) { return address.0 == 127 }
        if let bytes = ipv6(name) {
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
            return mapped && bytes[12] == 127
        }
        return false
    }

    /// Whether `text` is an IPv4 or IPv6 address written as such (not a name).
    static func isIPAddress(_ text: String) -> Bool {
        ipv4(text) != nil || ipv6(text) != nil
    }

    /// The four bytes of a dotted-quad IPv4 address, or nil.
    private static func ipv4(_ text: String) -> (UInt8, UInt8, UInt8, UInt8)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                let byte = UInt8(part)
            else { return nil }
            bytes.append(byte)
        }
        return (bytes[0], bytes[1], bytes[2], bytes[3])
    }

    /// The sixteen bytes of an IPv6 address, parsed by the C library, or nil.
    private static func ipv6(_ text: String) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
