import DeputyConfig
import DeputyCore
import DeputyServer
import DeputyStore
import DeputyTestSupport
import Foundation
import Logging
import Testing

@testable import DeputyDaemon

@Suite("/ic postmortem draft through the desk: the draft from the log the store keeps")
struct DeskServicePostmortemTests {
    let alice = Fixtures.alice
    let carol = Fixtures.hayley

    func command(_ user: User, _ text: String) -> InboundCommand {
        InboundCommand(channel: Fixtures.channel, user: user, text: text)
    }

    @Test("the core's stand-in line becomes the whole draft, as the export prints it")
    func completedFromTheLog() async throws {
        let store = try DeputyStore.inMemory()
        let time = ManualTimeSource(start: Fixtures.start)
        let desk = try await DeskService(
            store: SQLiteStore(store), rules: Rules(), time: time, policy: .init(expiry: .hours(1)),
            logger: Logger(label: "test"))
        for text in [
            "declare checkout is slow sev2", "lead", "impact checkout times out for some customers",
            "note the payment timeout was set to 1 s", "todo ask support how many customers wrote in",
            "resolve confirm",
        ] {
            _ = await desk.submit(command(alice, text))
            time.advance(by: 60)
        }
        guard case .answered(let reply?) = await desk.submit(command(carol, "postmortem draft")) else {
            Issue.record("no answer")
            return
        }
        #expect(reply.audience == .privately(carol))
        #expect(!reply.lines.contains { $0.key == .postmortemDraftSeeExport }, "completed")
        let log = try #require(try store.log(of: IncidentID(1)))
        let expected = PostmortemDraft(id: IncidentID(1), channel: log.channel, records: log.records, now: time.now)
        #expect(reply.lines == expected.lines)
        let phrasebook = try PhrasebookLoader.load(path: Fixtures.path("Phrasebook/en.yaml"))
        let text = phrasebook.render(reply, style: RenderStyle(mention: { "@\($0.name)" }, timeZone: .gmt))
        #expect(text.contains("# Postmortem draft: INC-1 · SEV-2 · checkout is slow"), "\(text)")
        #expect(text.contains("checkout times out for some customers"))
        #expect(text.contains("ask support how many customers wrote in"))
    }

    @Test("the incident in memory keeps no log: only who acted and what they noted")
    func noLogInMemory() async throws {
        let (desk, records) = ScriptedIncident.play(ScriptedIncident.checkout)
        let incident = try #require(desk.incidents[IncidentID(1)])
        let folded = Incident.fold(id: incident.id, channel: incident.channel, records: records)
        #expect(incident.eventCount == records.count && folded.eventCount == records.count)
        #expect(incident.lastRecordAt == records.last?.at)
        #expect(Set(incident.actors) == Set(records.compactMap(\.actor)))
        #expect(incident.actors.count == Set(incident.actors).count, "each once")
        #expect(incident.actors == folded.actors && incident.notesAndFindings == folded.notesAndFindings)
        let notes = records.compactMap { record -> String? in
            switch record.event {
            case .noteAdded(let text): text
            case .findingRecorded(_, let finding, _, _): finding
            case .taskDone(_, let finding?): finding
            default: nil
            }
        }
        #expect(!notes.isEmpty && incident.notesAndFindings == notes)
    }
}
