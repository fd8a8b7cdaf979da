extension DaemonSettings {
    /// Where the drill scenarios come from: a folder of YAML files, one scenario each.
    public struct Drills: Sendable, Equatable {
        /// The scenarios' folder (`Config/drills`).
        public var folder = Self.defaultFolder
        /// Who named `folder` when it must exist (`DEPUTY_DRILLS`, `drills` in the settings file,
        /// or `--drills-dir`); nil for the default folder, which may be absent (no scenarios).
        public var namedBy: String?

        /// The default folder, which may be absent.
        public init() {}

        /// A folder that must exist, named by `namedBy`.
        public init(folder: String, namedBy: String) {
            self.folder = folder
            self.namedBy = namedBy
        }

        /// The folder read when none is named.
        public static let defaultFolder = "Config/drills"
    }
}
