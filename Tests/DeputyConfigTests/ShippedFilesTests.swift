import DeputyConfig
import DeputyCore
import Foundation
import Testing

/// The files the repository ships load, cover everything the code asks for, and are documented.
struct ShippedFilesTests {
    @Test func theShippedRulesAreTheDefaults() throws {
        let path = try #require(Repository.path("Config/rules.yaml"))
        var shipped = try RulesLoader.load(path: path)
        // The verb list comes from its own file (Config/verbs.txt); everything else is the default.
        #expect(shipped.actionItems.verbs.count > 8_000)
        #expect(shipped.actionItems.verbs.isSuperset(of: ["add", "remove", "document", "investigate", "alert"]))
        #expect(!shipped.actionItems.verbs.contains("the"))
        shipped.actionItems.verbs = []
        #expect(shipped == Rules())
    }

    @Test func theEnglishPhrasebookHasEveryKeyWithExactlyItsPlaceholders() throws {
        let path = try #require(Repository.path("Phrasebook/en.yaml"))
        let phrasebook = try PhrasebookLoader.load(path: path)
        for key in PhraseKey.allCases {
            let template = try #require(phrasebook.phrases[key], "no phrase for \(key.rawValue)")
            #expect(Set(template.placeholders) == key.placeholders, "placeholders of \(key.rawValue)")
        }
        for verb in Verb.allCases {
            #expect(phrasebook.usage[verb]?.isEmpty == false, "usage for \(verb.rawValue)")
            #expect(phrasebook.help[verb]?.isEmpty == false, "help for \(verb.rawValue)")
        }
        for term in Term.allCases {
            #expect(phrasebook.terms[term]?.isEmpty == false, "term \(term.rawValue)")
        }
    }

    @Test func theSchemaDocumentationCoversEveryKey() throws {
        let path = try #require(Repository.path("README.md"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in RulesLoader.keys {
            #expect(text.contains("`\(key)`"), "README.md does not document `\(key)`")
        }
    }
}
