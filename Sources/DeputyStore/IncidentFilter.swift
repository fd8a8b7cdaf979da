import DeputyCore

/// Which incidents to load.
public enum IncidentFilter: Hashable, Sendable {
    /// Every incident ever declared.
    case all
    /// Incidents still in emergency mode.
    case active
    /// Every incident a command or a timer can still change: the active ones, each channel's
    /// latest (commands go there after resolve: `postmortem`, `reopen`), and any incident with
    /// a pending deadline (an open postmortem's reminders). This is what the daemon loads at
    /// start-up.
    case live
    /// These incidents, those that exist.
    case ids([IncidentID])
}
