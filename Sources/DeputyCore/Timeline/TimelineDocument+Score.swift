import Foundation

extension TimelineDocument {
    /// The practice score in the JSON document (`score`, null while the incident is active).
    public struct Score: Hashable, Sendable, Codable {
        /// Out of 100; null when nothing could be measured.
        public var total: Int?
        public var measures: [Measure]
        /// The `PracticeMeasure.Kind` raw values with nothing to measure.
        public var leftOut: [String]

        public struct Measure: Hashable, Sendable, Codable {
            /// A `PracticeMeasure.Kind` raw value (`time_to_commander`).
            public var kind: String
            public var met: Int
            public var counted: Int
            public var weight: Int
            public var targetSeconds: Int?
            /// For the time to a commander: how long it took.
            public var seconds: Int?

            enum CodingKeys: String, CodingKey {
                case kind, met, counted, weight
                case targetSeconds = "target_seconds"
                case seconds
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(kind, forKey: .kind)
                try container.encode(met, forKey: .met)
                try container.encode(counted, forKey: .counted)
                try container.encode(weight, forKey: .weight)
                try container.encode(targetSeconds, forKey: .targetSeconds)
                try container.encode(seconds, forKey: .seconds)
            }
        }

        enum CodingKeys: String, CodingKey {
            case total, measures
            case leftOut = "left_out"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(total, forKey: .total)
            try container.encode(measures, forKey: .measures)
            try container.encode(leftOut, forKey: .leftOut)
        }

        /// The score of a closed incident's timeline; nil while it is active.
        init?(_ timeline: Timeline) {
            guard timeline.status != .active else { return nil }
            let score = timeline.score
            total = score.total
            measures = score.measures.map {
                Measure(
                    kind: $0.kind.rawValue, met: $0.met, counted: $0.counted, weight: $0.weight,
                    targetSeconds: $0.target?.seconds, seconds: $0.time?.seconds)
            }
            leftOut = score.leftOut.map(\.rawValue)
        }
    }
}
