import DeputyCore
import DeputyTestSupport
import Foundation
import Testing

@Suite("SortedJSON writes what Foundation's sorted-keys encoder writes")
struct SortedJSONTests {
    /// The reference: Foundation with the store's and Slack's settings.
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Every record and reply of the scripted checkout incident (timers firing on the way),
    /// with text that needs escaping, an unknown command and a status board besides.
    static func busyIncident() -> (records: [IncidentRecord], replies: [Reply]) {
        let extra: [ScriptedIncident.Step] = [
            (8.5, Fixtures.alice, "note pods are \"OOM\"-killed\\n\ttwice, é 😀"),
            (11, Fixtures.alice, "bogus words"), (13, Fixtures.alice, "status"), (16, Fixtures.alice, "sev 1"),
        ]
        let script = (ScriptedIncident.checkout + extra).sorted { $0.minutes < $1.minutes }
        let outcomes = ScriptedIncident.outcomes(of: script).outcomes
        return (outcomes.flatMap(\.records), outcomes.flatMap(\.replies))
    }

    @Test("every record and reply of a busy incident encodes to Foundation's bytes")
    func incidentMatchesFoundation() throws {
        let (records, replies) = Self.busyIncident()
        #expect(records.count > 30)
        #expect(replies.count > 20)
        for record in records {
            #expect(try SortedJSON.string(record) == Self.foundation(record))
            #expect(try SortedJSON.string(record.event) == Self.foundation(record.event))
        }
        for reply in replies { #expect(try SortedJSON.string(reply) == Self.foundation(reply)) }
        #expect(try SortedJSON.string(records) == Self.foundation(records))
    }

    struct Edges: Encodable {
        var doubles: [Double] = [1_764_423_000.5, 1_764_423_000, 0.1, 1e20, 1e-7, -0.0, 1e16, 1e15 + 0.5, 5e-324]
        var floats: [Float] = [1, 0.1, 3.4e38]
        var text = "a\"b\\c/d\u{0}\u{1f}\n\r\t\u{8}\u{c}é😀\u{7f}\u{2028}"
        var integers: [Int64] = [0, -5, .min, .max]
        var unsigned: [UInt64] = [0, .max]
        var small: [Int8] = [-128, 127]
        var flag = true
        var missing: Int? = nil
        var present: Int? = 3
        var date = Date(timeIntervalSince1970: 1_764_423_000.25)
        var url = URL(fileURLWithPath: "/var/lib/deputy/a b.sqlite")
        var data = Data([1, 2, 3, 250])
        var decimals: [Decimal] = [Decimal(string: "3.14") ?? 0, -12, 0]
        var dictionary: [String: Int] = ["b": 1, "a": 2, "B": 3, "_": 4, "é": 5, "aa": 6, "a10": 7, "a9": 8, "": 9]
        var nested: [[String: [Bool?]]] = [["x": [true, nil]], [:]]
        var nothing = Nothing()
        var empty: [Int] = []
        var unordered = Unordered()
    }

    /// A value that asks for no container at all: Foundation writes `{}`.
    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// Keys written out of order, one of them twice (the last one wins), and nested containers.
    struct Unordered: Encodable {
        enum Key: String, CodingKey { case zeta, alpha, mid }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .zeta)
            var list = container.nestedUnkeyedContainer(forKey: .mid)
            try list.encode("one")
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(false, forKey: .alpha)
            try container.encode(2, forKey: .alpha)
            try container.encode(3, forKey: .zeta)
        }
    }

    @Test("numbers, escapes, dates, URLs, data, dictionaries and odd containers match Foundation")
    func edgesMatchFoundation() throws {
        let edges = Edges()
        #expect(try SortedJSON.string(edges) == Self.foundation(edges))
        #expect(try SortedJSON.string("top/level") == Self.foundation("top/level"))
        #expect(try SortedJSON.string(42) == Self.foundation(42))
        #expect(try SortedJSON.string(Edges?.none) == Self.foundation(Edges?.none))
    }

    @Test("a number JSON cannot hold is refused, naming where it was", arguments: [Double.nan, .infinity])
    func nonFiniteRefused(_ value: Double) throws {
        struct Holder: Encodable { var values: [Double] }
        #expect(throws: EncodingError.self) { try Self.foundation(Holder(values: [value])) }
        do {
            _ = try SortedJSON.encode(Holder(values: [1, value]))
            Issue.record("\(value) was encoded")
        } catch EncodingError.invalidValue(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["values", "Index 1"])
        }
    }
}
