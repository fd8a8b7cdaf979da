extension DaemonSettings {
    /// A ready-to-paste `curl` line that declares an incident through the generic webhook: what
    /// `deputy serve` prints when no chat platform is set up. Nil when the webhook is off or
    /// Slack is on. A token is referred to as `$GENERIC_TOKEN`, never written out.
    public var genericTryLine: String? {
        guard genericEnabled, !slackEnabled else { return nil }
        let host = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let authorization = generic.token == nil ? "" : " -H \"Authorization: Bearer $GENERIC_TOKEN\""
        return "curl -s -X POST http://\(host):\(port)/hooks/generic -H 'Content-Type: application/json'"
            + authorization
            + #" -d '{"channel":"general","user":"alice","text":"/ic declare checkout is slow"}'"#
    }
}
