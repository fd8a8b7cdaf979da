import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

/// Room names: whatever the title, a name every platform takes — Slack's characters and 80,
/// Mattermost's regex and 64, Discord's 100 — cut at a word where it can be.
@Suite("Room names")
struct RoomNameTests {
    static let pattern = "inc-{number}-{slug}"
    /// Mattermost's `IsValidChannelIdentifier`, as written in its source.
    static let mattermost = try? NSRegularExpression(pattern: #"^[a-z0-9]+([a-z\-\_0-9]+|(__)?)[a-z0-9]*$"#)

    static func name(_ title: String, pattern: String = pattern, severity: String = "SEV-2", limit: Int = 80) -> String
    {
        RoomName.make(pattern: pattern, number: 12, title: title, severity: severity, limit: limit)
    }

    /// Whether `name` is one every platform takes at `limit`.
    static func valid(_ name: String, limit: Int) -> Bool {
        let range = NSRange(name.startIndex..., in: name)
        let slack = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)
        }
        return !name.isEmpty && name.count <= limit && slack && !name.contains("--") && !name.hasSuffix("-")
            && name.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
            && mattermost?.firstMatch(in: name, range: range) != nil
    }

    @Test(
        "the pattern filled in and made one name",
        arguments: [
            ("Database is DOWN!!", pattern, "inc-12-database-is-down"),
            ("  checkout: 5xx   on /pay ", pattern, "inc-12-checkout-5xx-on-pay"),
            ("Défaillance à Zürich — Ærø straße", pattern, "inc-12-defaillance-a-zurich-aero-strasse"),
            ("ﬁle ＡＰＩ Łódź", pattern, "inc-12-file-api-lodz"),
            ("db down", "{severity}-{number}-{slug}", "sev-2-12-db-down"),
            ("db down", "INC_{number} {slug}!", "inc_12-db-down"),
            ("snake__case  title", "{slug}", "snake_case-title"),
            ("db down", "--{slug}--", "db-down"),
        ])
    func filled(title: String, pattern: String, expected: String) {
        #expect(Self.name(title, pattern: pattern) == expected)
    }

    @Test("a title of only emoji or punctuation is an incident", arguments: ["🔥🔥🚒", "!!! ??? ...", "", "   ", "日本語"])
    func emptySlug(title: String) {
        #expect(Self.name(title) == "inc-12-incident")
        #expect(Self.name(title, pattern: "{slug}") == "incident")
    }

    @Test("a pattern that leaves nothing is still a name")
    func emptyPattern() {
        #expect(Self.name("x", pattern: "!!!") == "incident")
        #expect(Self.name("x", pattern: "") == "incident")
        #expect(Self.name("x", pattern: "{slug}", limit: 3) == "x")
        #expect(Self.name("🔥", pattern: "{slug}", limit: 3) == "inc")
    }

    @Test("a long title is cut at a hyphen within the limit", arguments: [64, 80, 100])
    func longTitle(limit: Int) {
        let title =
            "Primary database replica lag exceeds thresholds across every region after the failed migration"
            + " of the payments ledger and the retries pile up in the checkout queue"
        let whole = Self.name(title, limit: 1_000)
        let cut = Self.name(title, limit: limit)
        #expect(cut.count <= limit && cut.count > limit / 2, "\(cut)")
        #expect(whole.hasPrefix(cut))
        #expect(whole.dropFirst(cut.count).first == "-", "cut between words: \(cut)")
        #expect(Self.valid(cut, limit: limit))
    }

    @Test("a single word longer than the limit is cut mid-word, never ending on a hyphen")
    func longWord() {
        let cut = Self.name(String(repeating: "a", count: 200), limit: 64)
        #expect(cut == "inc-12-" + String(repeating: "a", count: 57))
        let edge = Self.name("abcdefgh ijk", pattern: "{slug}", limit: 9)
        #expect(edge == "abcdefgh")
    }

    @Test("forty hexadecimal digits, Mattermost's group-message names, are never a room's name")
    func groupMessageName() {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        #expect(Self.name(hex, pattern: "{slug}") == String(hex.dropLast()))
    }

    @Test("alternatives are name-2, name-3, …, each within the limit and all different")
    func alternatives() {
        #expect(RoomName.alternative("inc-12-db-down", attempt: 1, limit: 64) == "inc-12-db-down")
        #expect(RoomName.alternative("inc-12-db-down", attempt: 2, limit: 64) == "inc-12-db-down-2")
        #expect(RoomName.alternative("inc-12-db-down", attempt: 3, limit: 64) == "inc-12-db-down-3")
        for limit in [64, 80, 100] {
            let full = Self.name(String(repeating: "word ", count: 40), limit: limit)
            #expect(full.count >= limit - 4)
            let names = (1...120).map { RoomName.alternative(full, attempt: $0, limit: limit) }
            #expect(Set(names).count == names.count)
            for (index, name) in names.enumerated() {
                #expect(Self.valid(name, limit: limit), "\(name)")
                if index > 0 { #expect(name.hasSuffix("-\(index + 1)")) }
            }
        }
        #expect(RoomName.alternative("x", attempt: 12, limit: 2) == "12")
    }

    @Test("every name made from thousands of random titles is one every platform takes")
    func randomTitles() {
        var random = SplitMix64(seed: 0x0DE9)
        let pieces = [
            "a", "Z", "7", "é", "Ø", "ß", "ǅ", "İ", "🔥", "👩‍🚒", "日本", "—", "-", "_", "__", " ", "\t", "\n", "/", ".",
            "{slug}",
            "\u{301}", "\u{200D}", "\u{202E}", "\u{0}", "Ａ", "①", "²", "ﬁ", "'", "\"", "中", "Ω", "ı", "#", "--", "9z",
        ]
        let patterns = [
            Self.pattern, "{severity}-{number}-{slug}", "{slug}", "INC_{number}__{slug}", "🔥{slug}🔥", "-{slug}-",
        ]
        for _ in 0..<3_000 {
            let title = (0..<Int.random(in: 0...60, using: &random)).map { _ in
                pieces.randomElement(using: &random) ?? ""
            }.joined()
            let limit = [64, 80, 100, Int.random(in: 1...120, using: &random)].randomElement(using: &random) ?? 64
            let pattern = patterns.randomElement(using: &random) ?? Self.pattern
            let severity = ["SEV-1", "Sev 2", "P1", "🔥"].randomElement(using: &random) ?? "SEV-1"
            let name = RoomName.make(
                pattern: pattern, number: Int.random(in: 0...99_999, using: &random), title: title, severity: severity,
                limit: limit)
            #expect(Self.valid(name, limit: limit), "\(title.debugDescription) at \(limit) → \(name)")
            let next = RoomName.alternative(name, attempt: Int.random(in: 2...30, using: &random), limit: limit)
            #expect(Self.valid(next, limit: limit), "\(name) → \(next)")
        }
    }
}
