import DeputyCore
import DeputyDaemon
import DeputyServer
import DeputyTestSupport
import Foundation
import Testing

@Suite("Signed timeline links")
struct TimelineLinksTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let secret = Array("an example secret of at least 32 characters".utf8)

    static func links(
        _ clock: ManualTimeSource, secret: [UInt8] = secret, url: String? = "https://deputy.example.com/"
    )
        -> TimelineLinks
    {
        TimelineLinks(secret: secret, publicURL: url, validFor: .hours(24 * 7), now: { clock.now })
    }

    /// The link to incident `number`'s page.
    static func url(_ links: TimelineLinks, _ number: Int) throws -> String {
        try #require(links.link(for: IncidentID(number))).url
    }

    /// The query values of a link.
    static func parts(_ url: String) -> (id: String, expires: String, sig: String)? {
        guard let components = URLComponents(string: url), let items = components.queryItems,
            let expires = items.first(where: { $0.name == "expires" })?.value,
            let sig = items.first(where: { $0.name == "sig" })?.value
        else { return nil }
        return (String(components.path.dropFirst("/incidents/".count)), expires, sig)
    }

    @Test("a link names the page on the public address, expires in 7 days, and is signed in hex")
    func shape() throws {
        let clock = ManualTimeSource(start: Self.start)
        let link = try #require(Self.links(clock).link(for: IncidentID(4)))
        #expect(link.url.hasPrefix("https://deputy.example.com/incidents/INC-4?expires=1800604800&sig="))
        #expect(link.expires == Self.start.addingTimeInterval(7 * 24 * 3600))
        let sig = try #require(Self.parts(link.url)?.sig)
        #expect(sig.count == 64 && sig.allSatisfy(\.isHexDigit))
    }

    @Test("no public address: no link")
    func noAddress() {
        #expect(Self.links(ManualTimeSource(start: Self.start), url: nil).link(for: IncidentID(4)) == nil)
        #expect(Self.links(ManualTimeSource(start: Self.start), url: "  ").link(for: IncidentID(4)) == nil)
    }

    /// What a request carries, changed from a good link's.
    enum Case: String, CaseIterable, Sendable {
        case good, wrongSignature, otherSecret, expired, justExpired, otherIncident, tamperedExpiry
        case upperCaseSignature, shortSignature, notHexSignature, missingSignature, missingExpiry
        case negativeExpiry, hugeExpiry, bareNumberID, lowerCaseID, leadingZeroID, garbageID, emptyID
    }

    @Test("verification", arguments: Case.allCases)
    func verify(_ test: Case) throws {
        let clock = ManualTimeSource(start: Self.start)
        let links = Self.links(clock)
        let good = try #require(Self.parts(try Self.url(links, 4)))
        var (id, expires, sig): (String, String?, String?) = (good.id, good.expires, good.sig)
        var accepted = false
        switch test {
        case .good: accepted = true
        case .wrongSignature: sig = String(good.sig.reversed())
        case .otherSecret:
            let other = Self.links(clock, secret: Array("another secret, also 32 characters long".utf8))
            sig = try #require(Self.parts(try Self.url(other, 4))?.sig)
        case .expired: clock.advance(by: 7 * 24 * 3600 + 1)
        case .justExpired: clock.advance(by: 7 * 24 * 3600)
        case .otherIncident: id = "INC-5"
        case .tamperedExpiry: expires = String((Int(good.expires) ?? 0) + 3600)
        case .upperCaseSignature: (sig, accepted) = (good.sig.uppercased(), true)
        case .shortSignature: sig = String(good.sig.dropLast(2))
        case .notHexSignature: sig = String(good.sig.dropLast()) + "g"
        case .missingSignature: sig = nil
        case .missingExpiry: expires = nil
        case .negativeExpiry: expires = "-" + good.expires
        case .hugeExpiry: expires = String(repeating: "9", count: 40)
        case .bareNumberID: id = "4"
        case .lowerCaseID: id = "inc-4"
        case .leadingZeroID: id = "INC-04"
        case .garbageID: id = "INC-4'; DROP TABLE"
        case .emptyID: id = ""
        }
        let verified = links.verify(id: id, expires: expires, signature: sig)
        #expect(verified == (accepted ? IncidentID(4) : nil))
    }

    @Test("a link for one incident is refused for another, both ways")
    func crossIncident() throws {
        let clock = ManualTimeSource(start: Self.start)
        let links = Self.links(clock)
        let four = try #require(Self.parts(try Self.url(links, 4)))
        let forty = try #require(Self.parts(try Self.url(links, 40)))
        #expect(links.verify(id: "INC-40", expires: four.expires, signature: four.sig) == nil)
        #expect(links.verify(id: "INC-4", expires: forty.expires, signature: forty.sig) == nil)
        #expect(links.verify(id: "INC-40", expires: forty.expires, signature: forty.sig) == IncidentID(40))
    }
}
