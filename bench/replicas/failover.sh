#!/usr/bin/env bash
# Failover: two `deputy serve` replicas on one PostgreSQL, 10,000 open timeboxes (1,000
# incidents × 10 tasks) lapsing across a 60 s window, one replica SIGKILLed 20 s into it.
# Every follow-up must fire once, from whichever replica is alive; the report gives:
#   - fire lateness (the nudge's event time − its deadline) p50 / p99 / max, for the follow-ups
#     due before the kill, in the 5 s after it, and after that;
#   - how long after the kill every follow-up due by then had fired (target under 5 s);
#   - follow-ups fired twice (must be 0) and missing (must be 0).
# Raw output and report.md go to bench/results/failover-<time>/.
#
#   PYTHON=/usr/bin/python3 bench/replicas/failover.sh
#   INCIDENTS=1000 TASKS=10 WINDOW=60 KILL_AT=20 LEAD=60 SKIP_BUILD=1 bench/replicas/failover.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
INCIDENTS=${INCIDENTS:-1000}
TASKS=${TASKS:-10}
WINDOW=${WINDOW:-60}
KILL_AT=${KILL_AT:-20}
LEAD=${LEAD:-60}
OUT="$ROOT/bench/results/failover-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export SLACK_SIGNING_SECRET="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
source bench/replicas/common.sh

build
start_postgres
start_fake_slack
wait_quiet
DATABASE=$(fresh_database failover)
start_replica 0 0
start_replica 1 1

window_start=$(($(date +%s) + LEAD))
log "seeding $((INCIDENTS * TASKS)) timeboxes over both replicas, due from $(date -d @$window_start +%T) for $WINDOW s"
python3 bench/replicas/seed.py --ports 18180,18181 --incidents "$INCIDENTS" --tasks "$TASKS" \
    --window-start "$window_start" --window "$WINDOW" --response-base "http://127.0.0.1:$PORT_FAKE_SLACK/response"

kill_at=$((window_start + KILL_AT))
sleep "$(awk -v t="$kill_at" -v n="$(date +%s.%N)" 'BEGIN { d = t - n; print (d > 0 ? d : 0) }')"
killed=$(date +%s.%N)
kill -9 "${REPLICA_PIDS[0]}"
log "SIGKILLed replica 0 at $(date +%T.%N | cut -c1-12)"
sleep $((WINDOW - KILL_AT + 15))
curl -s http://127.0.0.1:18181/metrics >"$OUT/metrics-survivor.txt"
stop_replicas

sql failover "SELECT incident_id, at, event FROM event WHERE event LIKE '%followUp%'" >"$OUT/followups.tsv"
"$PYTHON" - "$OUT/followups.tsv" "$killed" "$((INCIDENTS * TASKS))" <<'EOF' | tee "$OUT/report.md"
import json, sys
rows = [line.rstrip("\n").split("\t", 2) for line in open(sys.argv[1]) if line.strip()]
killed, expected = float(sys.argv[2]), int(sys.argv[3])
fired = {}
twice = 0

def follow_up(value):
    """The {"_0": task, "due": seconds} of a nudged follow-up, wherever it is in the event."""
    if isinstance(value, dict):
        if "followUp" in value:
            return value["followUp"]
        for inner in value.values():
            found = follow_up(inner)
            if found:
                return found
    return None

for incident, at, event in rows:
    nudge = follow_up(json.loads(event))
    if not nudge:
        continue
    key = (incident, json.dumps(nudge["_0"], sort_keys=True))
    if key in fired:
        twice += 1
        continue
    fired[key] = (float(at), float(nudge["due"]))

def stats(values):
    if not values:
        return "none"
    values = sorted(values)
    pick = lambda p: values[min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))]
    return "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d)" % (pick(50) * 1e3, pick(99) * 1e3, values[-1] * 1e3, len(values))

before = [at - due for at, due in fired.values() if due < killed]
during = [at - due for at, due in fired.values() if killed <= due < killed + 5]
after = [at - due for at, due in fired.values() if due >= killed + 5]
caught_up = max([at for at, due in fired.values() if due < killed] or [killed]) - killed
print("| follow-ups | lateness |")
print("|---|---|")
print("| due before the kill | %s |" % stats(before))
print("| due in the 5 s after it | %s |" % stats(during))
print("| due later | %s |" % stats(after))
print()
print("fired: %d of %d; fired twice: %d; missing: %d" % (len(fired), expected, twice, expected - len(fired)))
print("every follow-up due by the kill had fired %.2f s after it" % max(caught_up, 0))
EOF
log "raw output in $OUT"
