import DeputyChat
import DeputyPaging
import Foundation
import Testing

/// PagerDuty's V3 webhook signatures, against PagerDuty's signing example.
struct PagerDutyWebhookSignatureTests {
    typealias Vector = PagingFixtures.V3Signing

    let body = Data(Vector.body.utf8)

    @Test func theFixtureIsTheDocumentedBody() {
        #expect(body.count == 1655)
        #expect(body.last == UInt8(ascii: "}"))
    }

    @Test func theExampleSignaturePasses() {
        #expect(PagerDutyWebhookSignature.isValid(header: Vector.signature, body: body, secret: Vector.secret))
    }

    @Test func signingTheExampleGivesItsSignature() {
        #expect(PagerDutyWebhookSignature.signature(of: body, secret: Vector.secret) == Vector.signature)
    }

    @Test func theWrongSignatureFails() {
        #expect(!PagerDutyWebhookSignature.isValid(header: Vector.wrongSignature, body: body, secret: Vector.secret))
    }

    @Test(
        "A header with two signatures passes when either matches",
        arguments: [
            "\(Vector.wrongSignature),\(Vector.signature)",
            "\(Vector.signature),\(Vector.wrongSignature)",
            "\(Vector.wrongSignature), \(Vector.signature)",
        ])
    func twoSignatures(header: String) {
        #expect(PagerDutyWebhookSignature.isValid(header: header, body: body, secret: Vector.secret))
    }

    @Test func entriesOfOtherVersionsAreIgnored() {
        let digest = Vector.signature.dropFirst(3)
        #expect(
            PagerDutyWebhookSignature.isValid(
                header: "v0=abcdef,\(Vector.signature)", body: body, secret: Vector.secret))
        #expect(!PagerDutyWebhookSignature.isValid(header: "v2=\(digest)", body: body, secret: Vector.secret))
        #expect(
            !PagerDutyWebhookSignature.isValid(
                header: "v2=\(digest),\(Vector.wrongSignature)", body: body, secret: Vector.secret))
    }

    @Test("A missing or empty header fails", arguments: [nil, "", " ", ","] as [String?])
    func missingHeader(header: String?) {
        #expect(!PagerDutyWebhookSignature.isValid(header: header, body: body, secret: Vector.secret))
    }

    @Test func anEmptyBodyFailsEvenWhenSigned() {
        let header = PagerDutyWebhookSignature.signature(of: Data(), secret: Vector.secret)
        #expect(!PagerDutyWebhookSignature.isValid(header: header, body: Data(), secret: Vector.secret))
    }

    @Test func aChangedBodyOrSecretFails() {
        #expect(
            !PagerDutyWebhookSignature.isValid(
                header: Vector.signature, body: body + Data("\n".utf8), secret: Vector.secret))
        #expect(!PagerDutyWebhookSignature.isValid(header: Vector.signature, body: body, secret: Vector.secret + "x"))
    }

    /// Each is the right signature, spoiled.
    @Test(
        "Malformed digests fail",
        arguments: [
            "v1=", String(Vector.signature.dropLast(2)), Vector.signature + "00", Vector.signature + "0",
            "v1 " + Vector.signature.dropFirst(3), Vector.signature.replacingOccurrences(of: "76cd", with: "76zz"),
        ])
    func malformedDigests(header: String) {
        #expect(!PagerDutyWebhookSignature.isValid(header: header, body: body, secret: Vector.secret))
    }
}
