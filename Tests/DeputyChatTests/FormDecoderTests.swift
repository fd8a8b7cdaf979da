import DeputyChat
import DeputyTestSupport
import Foundation
import Testing

/// The form decoder: its rules, its errors, and that no input can crash it.
struct FormDecoderTests {
    @Test(
        "Decodes fields",
        arguments: [
            ("", [:]),
            ("a=1", ["a": "1"]),
            ("a=1&b=2", ["a": "1", "b": "2"]),
            ("text=hello+world", ["text": "hello world"]),
            ("text=a%2Bb", ["text": "a+b"]),
            ("text=%2Fic%20status", ["text": "/ic status"]),
            ("text=%2fic", ["text": "/ic"]),
            ("caf%C3%A9=cr%C3%A8me", ["café": "crème"]),
            ("text=", ["text": ""]),
            ("flag", ["flag": ""]),
            ("a=1&&b=2&", ["a": "1", "b": "2"]),
            ("&&&", [:]),
            ("a=b=c", ["a": "b=c"]),
            ("=value", ["": "value"]),
            ("a=first&a=second", ["a": "first"]),
            ("text=%26lt%3B%40U1%26gt%3B", ["text": "&lt;@U1&gt;"]),
            ("text=%E2%81%A0", ["text": "\u{2060}"]),
            ("text=%00", ["text": "\u{0}"]),
            ("text=snow ☃", ["text": "snow ☃"]),
        ] as [(String, [String: String])])
    func decodes(body: String, fields: [String: String]) throws {
        #expect(try FormDecoder.decode(body) == fields)
        #expect(try FormDecoder.decode(Data(body.utf8)) == fields)
    }

    @Test(
        "Refuses bad percent escapes and non-UTF-8",
        arguments: [
            ("a=%", FormError.invalidEscape(offset: 2)),
            ("a=%4", .invalidEscape(offset: 2)),
            ("a=%4&b=1", .invalidEscape(offset: 2)),
            ("a=%GG", .invalidEscape(offset: 2)),
            ("a=1&b%=2", .invalidEscape(offset: 5)),
            ("a=%%41", .invalidEscape(offset: 2)),
            ("a=%C3", .invalidUTF8(offset: 2)),
            ("a=%FF%FE", .invalidUTF8(offset: 2)),
            ("%C3%28=1", .invalidUTF8(offset: 0)),
        ])
    func refuses(body: String, error: FormError) {
        #expect(throws: error) { try FormDecoder.decode(body) }
    }

    @Test func rawBytesThatAreNotUTF8AreRefused() {
        #expect(throws: FormError.invalidUTF8(offset: 2)) { try FormDecoder.decode(Data([0x61, 0x3D, 0xFF])) }
    }

    @Test func pairsKeepsRepeatedNamesInOrder() throws {
        let pairs = try FormDecoder.pairs(Data("a=1&b=2&a=3".utf8))
        #expect(pairs.map(\.name) == ["a", "b", "a"])
        #expect(pairs.map(\.value) == ["1", "2", "3"])
    }

    /// Thousands of random byte strings, biased towards the bytes the decoder cares about: each
    /// either decodes or throws a `FormError`, and whatever decodes matches Foundation's reading.
    @Test func randomBytesNeverCrashAndAgreeWithFoundation() {
        var random = SplitMix64(seed: 0xF0F0_2026)
        let alphabet = Array("%+&=aZ09fF ".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0xFF]
        var decoded = 0
        for _ in 0..<5000 {
            let length = Int.random(in: 0...40, using: &random)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &random)
                    ? alphabet.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
            }
            guard let fields = try? FormDecoder.decode(Data(bytes)) else { continue }
            decoded += 1
            #expect(fields == Self.foundationReading(bytes), "bytes \(bytes)")
        }
        #expect(decoded > 100, "the generator should also make decodable bodies")
    }

    /// Random fields, percent-encoded, come back as they were.
    @Test func encodedFieldsRoundTrip() throws {
        var random = SplitMix64(seed: 42)
        let characters: [Character] = ["a", "Z", "0", " ", "+", "%", "&", "=", "é", "☃", "🚒", "<", "@", "\n", "\u{0}"]
        for _ in 0..<2000 {
            var fields: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let name = String(
                    (0..<Int.random(in: 1...6, using: &random)).compactMap { _ in
                        characters.randomElement(using: &random)
                    })
                let value = String(
                    (0..<Int.random(in: 0...12, using: &random)).compactMap { _ in
                        characters.randomElement(using: &random)
                    })
                if fields[name] == nil { fields[name] = value }
            }
            let body = fields.map { Self.encode($0.key) + "=" + Self.encode($0.value) }.joined(separator: "&")
            #expect(try FormDecoder.decode(body) == fields)
        }
    }

    /// Decoding is fast and linear. The bounds hold with room to spare in a debug build under a
    /// parallel test run (about 45 µs a body there; about 7 µs in a release build), so they only
    /// catch a decoder that has become many times slower or quadratic.
    @Test func decodingIsFastAndLinear() throws {
        let clock = ContinuousClock()
        let body = Data(SlackFixtures.commandExample.utf8)
        let rounds = 2000
        let elapsed = try clock.measure {
            for _ in 0..<rounds { _ = try FormDecoder.decode(body) }
        }
        #expect(elapsed / rounds < .microseconds(400), "one body took \(elapsed / rounds)")

        let megabyte = Data(("text=" + String(repeating: "a+%41&", count: 1 << 18)).utf8)
        let large = try clock.measure { _ = try FormDecoder.decode(megabyte) }
        #expect(large < .seconds(3), "1.5 MB took \(large)")
    }

    /// Foundation's reading of a body: `+` as space, then percent-decoding, first name wins.
    private static func foundationReading(_ bytes: [UInt8]) -> [String: String]? {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String? {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decoded(parts[0]), let value = parts.count > 1 ? decoded(parts[1]) : "" else {
                return nil
            }
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    /// Percent-encodes everything but letters and digits, and writes spaces as `+`.
    private static func encode(_ text: String) -> String {
        text.utf8.map { byte in
            switch byte {
            case UInt8(ascii: " "): "+"
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                String(UnicodeScalar(byte))
            default: String(format: "%%%02X", byte)
            }
        }.joined()
    }
}
