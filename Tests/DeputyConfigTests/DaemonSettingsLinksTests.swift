import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// The timeline page's links: how long they last, and their secret (environment only).
struct DaemonSettingsLinksTests {
    static let secret = "0123456789abcdef0123456789abcdef"

    @Test func linksLastSevenDaysAndUseTheStoresSecretByDefault() throws {
        let settings = try SettingsFixture.load(environment: [:])
        #expect(settings.links.validFor == .hours(24 * 7))
        #expect(settings.links.secret == nil)
    }

    @Test func theSecretComesFromTheEnvironmentOrItsFile() throws {
        #expect(
            try SettingsFixture.load(environment: ["DEPUTY_LINK_SECRET": Self.secret]).links.secret?.value
                == Self.secret)
        try SettingsFixture.withFile(Self.secret + "\n") { path in
            let settings = try SettingsFixture.load(environment: ["DEPUTY_LINK_SECRET_FILE": path])
            #expect(settings.links.secret?.value == Self.secret)
        }
    }

    @Test func aShortSecretIsRefusedWithoutShowingIt() {
        let problem = SettingsFixture.problem(environment: ["DEPUTY_LINK_SECRET": "hunter2"])
        #expect(problem?.hasPrefix("DEPUTY_LINK_SECRET: too short") == true, "\(problem ?? "")")
        #expect(problem?.contains("hunter2") == false)
    }

    @Test func theSecretIsNeverReadFromTheFile() {
        let problem = SettingsFixture.problem(in: "links:\n  secret: \(Self.secret)\n")
        #expect(problem?.contains("DEPUTY_LINK_SECRET") == true, "\(problem ?? "")")
        #expect(problem?.contains(Self.secret) == false)
    }

    @Test func validForIsADuration() throws {
        #expect(try SettingsFixture.load("links:\n  valid_for: 1d\n").links.validFor == .hours(24))
        #expect(SettingsFixture.problem(in: "links:\n  valid_for: forever\n") != nil)
    }
}
