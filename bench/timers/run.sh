#!/usr/bin/env bash
# Timers at scale: 100,000 open timeboxes over 10,000 incidents.
#   1. timers-seed writes the data through DeskService (the daemon's own path from a decoded
#      command to the store): every incident declared and led, 9 acknowledged tasks with a
#      2-hour timebox and 1 task with a 5-minute timebox that falls due inside the window.
#   2. restart-to-ready, RESTARTS times: `deputy serve` pinned to core 0, from its start to
#      the first GET /healthz 200; the resident memory (VmRSS) of the serve process then and
#      once the window is over.
#   3. the window: one follow-up per incident falls due, spread evenly over WINDOW seconds.
#      A fake Slack API (core 1) notes when each chat.postMessage arrives; the deadline is in
#      the message. Fire lateness comes from the log's `nudged` events (fire time vs deadline).
# Prints a Markdown table; raw output goes to bench/results/timers-<time>/.
#
#   bench/timers/run.sh
#   INCIDENTS=10000 TASKS=10 WINDOW=60 LEAD=420 RESTARTS=3 bench/timers/run.sh
#   SKIP_BUILD=1 bench/timers/run.sh
#   DEPUTY_BIN=/path/to/deputy bench/timers/run.sh   # another build of deputy (before/after)
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
INCIDENTS=${INCIDENTS:-10000}
TASKS=${TASKS:-10}
WINDOW=${WINDOW:-60}
LEAD=${LEAD:-420}
RESTARTS=${RESTARTS:-3}
WAIT_WARMUP=${WAIT_WARMUP:-1}  # 0 for a build that folds every log before it is ready
MAX_LOAD=${MAX_LOAD:-2}
SERVER_CORE=${SERVER_CORE:-0}
CLIENT_CORE=${CLIENT_CORE:-1}
SCRATCH=${SCRATCH:-.build-release}
PORT=18190
PORT_FAKE_SLACK=18199

OUT="$ROOT/bench/results/timers-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
DB="$OUT/db/deputy.sqlite"

. bench/timers/common.sh  # log, cleanup on exit, the release build (BIN, DEPUTY_BIN)

wait_quiet() {
    for _ in $(seq 1 180); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        if awk -v l="$load" -v m="$MAX_LOAD" 'BEGIN { exit !(l < m) }'; then return 0; fi
        log "load average $load (want < $MAX_LOAD): waiting"
        sleep 10
    done
    log "still busy after 30 minutes: measuring anyway"
}

wait_quiet
WINDOW_START=$(( $(date +%s) + LEAD ))
log "seeding $INCIDENTS incidents × $TASKS timeboxes; the window opens at $(date -d @$WINDOW_START +%H:%M:%S)"
SEED_START=$(date +%s)
"$BIN/timers-seed" --database "$DB" --window-start "$WINDOW_START" --window "$WINDOW" \
    --incidents "$INCIDENTS" --tasks "$TASKS" | tee "$OUT/seed.txt" >&2
log "seeded in $(( $(date +%s) - SEED_START )) s; database $(du -sh "$OUT/db" | cut -f1)"

log "fake Slack API on 127.0.0.1:$PORT_FAKE_SLACK (core $CLIENT_CORE)"
timeout 3600 taskset -c "$CLIENT_CORE" python3 bench/timers/fake_slack.py --port $PORT_FAKE_SLACK \
    --log "$OUT/slack-arrivals.txt" --lifetime 3000 >"$OUT/fake-slack.log" 2>&1 &
PIDS+=("$!")
sleep 1

export DEPUTY_HOST=127.0.0.1 DEPUTY_PORT=$PORT DEPUTY_DATABASE="$DB" SLACK_SIGNING_SECRET=bench-timers-secret \
    SLACK_BOT_TOKEN=xoxb-bench-dummy SLACK_API_URL="http://127.0.0.1:$PORT_FAKE_SLACK/api"
: >"$OUT/ready.jsonl"
for run in $(seq 1 "$RESTARTS"); do
    python3 bench/timers/ready.py --port $PORT --log "$OUT/deputy.log" -- \
        timeout 1800 taskset -c "$SERVER_CORE" "$DEPUTY_BIN" serve | tee -a "$OUT/ready.jsonl" >&2
    SERVER_PID=$(tail -1 "$OUT/ready.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pid"])')
    WORKER_PID=$(tail -1 "$OUT/ready.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["server_pid"])')
    # Deputy folds the incidents' logs in the background once it is ready ("incidents loaded").
    if [ "$WAIT_WARMUP" = 1 ]; then
        for _ in $(seq 1 600); do
            [ "$(grep -c 'incidents loaded' "$OUT/deputy.log" || true)" -ge "$run" ] && break
            sleep 0.1
        done
        grep 'incidents loaded' "$OUT/deputy.log" | tail -1 | sed 's/.*elapsed=\([0-9.]*\) seconds.*/\1/' \
            >"$OUT/warmup-$run.txt"
    fi
    sleep 1
    grep VmRSS "/proc/$WORKER_PID/status" | awk '{print $2}' >"$OUT/rss-settled-$run.txt"
    if [ "$run" -lt "$RESTARTS" ]; then
        kill -TERM "$SERVER_PID"
        while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.05; done
    fi
done
NOW=$(date +%s)
if [ "$NOW" -ge "$WINDOW_START" ]; then
    log "WARNING: the window opened $(( NOW - WINDOW_START )) s before the server was up: raise LEAD"
fi

END=$(( WINDOW_START + WINDOW + 20 ))
log "waiting for the window: $(date -d @$WINDOW_START +%H:%M:%S) to $(date -d @$(( WINDOW_START + WINDOW )) +%H:%M:%S), then 20 s"
while [ "$(date +%s)" -lt "$END" ]; do sleep 1; done
grep VmRSS "/proc/$WORKER_PID/status" | awk '{print $2}' >"$OUT/rss-after-window.txt"
curl -s "http://127.0.0.1:$PORT/metrics" >"$OUT/metrics.txt"
kill -TERM "$SERVER_PID"
while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.05; done
SERVER_PID=

python3 bench/timers/analyze.py --slack-log "$OUT/slack-arrivals.txt" --database "$DB" \
    --window-start "$WINDOW_START" --window "$WINDOW" --expected "$INCIDENTS" >"$OUT/lateness.json"

python3 - "$OUT" "$INCIDENTS" "$TASKS" "$WINDOW" <<'EOF'
import json, os, sys
out, incidents, tasks, window = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
ready = [json.loads(l) for l in open(os.path.join(out, "ready.jsonl")) if l.strip()]
settled = [int(open(os.path.join(out, f)).read()) for f in sorted(os.listdir(out)) if f.startswith("rss-settled-")]
after = int(open(os.path.join(out, "rss-after-window.txt")).read())
late = json.load(open(os.path.join(out, "lateness.json")))
def ms(v): return "–" if v is None else "%.1f" % v
print("%d incidents, %d open timeboxes; %d follow-ups due over %.0f s (%.0f/s)\n" % (
    incidents, incidents * tasks, incidents, window, incidents / window))
print("| measure | value | target |")
print("|---|---:|---:|")
print("| restart to ready (start → GET /healthz 200), each run | %s ms | < 2,000 ms |" % ", ".join("%.0f" % r["ready_ms"] for r in ready))
print("| resident memory of `deputy serve` when ready | %.0f MiB | |" % (ready[-1]["rss_kib"] / 1024))
warm = [open(os.path.join(out, f)).read().strip() for f in sorted(os.listdir(out)) if f.startswith("warmup-")]
if any(warm):
    print("| background fold of every log after ready (\"incidents loaded\"), each run | %s s | |" % ", ".join(w or "?" for w in warm))
print("| resident memory once loaded (1 s after ready, or after the background fold) | %.0f MiB | |" % (settled[-1] / 1024))
print("| resident memory after the window | %.0f MiB | |" % (after / 1024))
f, d = late["fire"], late["delivery"]
print("| follow-ups fired / delivered (of %d due) | %d / %d | all |" % (late["expected"], f["count"], d["count"]))
print("| fire lateness (event time − deadline) p50 / p99 / max | %s / %s / %s ms | p99 < 100 ms |" % (ms(f["p50_ms"]), ms(f["p99_ms"]), ms(f["max_ms"])))
print("| delivery lateness (chat.postMessage arrival − deadline) p50 / p99 / max | %s / %s / %s ms | p99 < 100 ms |" % (ms(d["p50_ms"]), ms(d["p99_ms"]), ms(d["max_ms"])))
EOF
