extension HTTPClientRequest {
    /// Checks what libcurl would pass on unchecked: a method and header fields that could split or
    /// end the request line early (CR, LF, NUL), a header name that is not a token, and a NUL in the URL.
    func validate() throws(CurlError) {
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenCharacter) else {
            throw .invalidRequest("the method \"\(method)\" is not an HTTP token")
        }
        guard !url.utf8.contains(0) else {
            throw .invalidRequest("the URL contains a NUL character")
        }
        for (name, value) in headers {
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenCharacter) else {
                throw .invalidRequest("the header name \"\(name)\" is not an HTTP token")
            }
            guard !value.utf8.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) else {
                throw .invalidRequest("the value of header \(name) contains a line break or NUL")
            }
        }
    }

    /// Whether `byte` may appear in an HTTP token (RFC 9110, section 5.6.2).
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
