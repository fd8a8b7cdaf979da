#!/usr/bin/env bash
# The catch-up after an outage: incidents whose reminders all fell due while Deputy was down.
#   1. timers-seed writes INCIDENTS incidents (TASKS open timeboxes each, 2-hour and 5-minute
#      ones) whose window began DOWN seconds ago: by now every timebox has lapsed, and each
#      incident has follow-ups and reminders due.
#   2. `deputy serve` (core 0) starts on a copy of that data, RUNS times, with a fake Slack API
#      (core 1). From the start of the process, the time until /metrics counts every nudge the
#      catch-up owes (deputy_nudges_total, counted by a first run), and until the fake Slack API
#      has taken as many requests (every nudge delivered); then, DRAIN seconds after the start
#      (or once all is delivered, if later), the requests it has taken and Deputy's CPU time.
# Prints a Markdown table; raw output goes to bench/results/catchup-<time>/.
#
#   bench/timers/catchup.sh
#   INCIDENTS=2000 TASKS=3 DOWN=7200 RUNS=3 DRAIN=40 bench/timers/catchup.sh
#   DEPUTY_BIN=/path/to/deputy SKIP_BUILD=1 bench/timers/catchup.sh   # another build (before/after)
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
INCIDENTS=${INCIDENTS:-2000}
TASKS=${TASKS:-3}
DOWN=${DOWN:-7200}
RUNS=${RUNS:-3}
DRAIN=${DRAIN:-40}
SERVER_CORE=${SERVER_CORE:-0}
CLIENT_CORE=${CLIENT_CORE:-1}
SCRATCH=${SCRATCH:-.build-release}
PORT=18290
PORT_FAKE_SLACK=18299

OUT="$ROOT/bench/results/catchup-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
. bench/timers/common.sh  # log, cleanup on exit, the release build (BIN, DEPUTY_BIN)

log "seeding $INCIDENTS incidents, $TASKS timeboxes each, down for $DOWN s"
"$BIN/timers-seed" --database "$OUT/seed/deputy.sqlite" --window-start "$(( $(date +%s) - DOWN ))" --window 60 \
    --incidents "$INCIDENTS" --tasks "$TASKS" | tee "$OUT/seed.txt" >&2

now() { date +%s.%N; }
nudges() {
    curl -s "http://127.0.0.1:$PORT/metrics" 2>/dev/null | awk '/^deputy_nudges_total/ { print int($2) }' || true
}

# The requests the fake Slack API has taken (the sum of its counts). No Python here: this is
# polled while Deputy drains, and an interpreter starting on Deputy's core would slow it.
slack_requests() {
    taskset -c "$CLIENT_CORE" curl -s "http://127.0.0.1:$PORT_FAKE_SLACK/stats" |
        grep -o ':[ ]*[0-9]*' | tr -d ': ' | awk '{ s += $1 } END { print s + 0 }'
}

# One start on a fresh copy of the seed; prints
# "<nudges> <seconds to catch up> <seconds to deliver> <cpu s> <fake Slack requests>".
run() {  # $1 run number, $2 nudges owed (0: count them)
    local owed=$2 dir="$OUT/run-$1" started n=0 took delivered=- FAKE_PID
    mkdir -p "$dir"
    cp "$OUT/seed/deputy.sqlite"* "$dir/"
    timeout 600 taskset -c "$CLIENT_CORE" python3 bench/timers/fake_slack.py --port $PORT_FAKE_SLACK --lifetime 600 \
        >"$dir/fake-slack.log" 2>&1 &
    FAKE_PID=$!
    PIDS=("$FAKE_PID")
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT_FAKE_SLACK/stats" && break; sleep 0.1; done
    started=$(now)
    DEPUTY_HOST=127.0.0.1 DEPUTY_PORT=$PORT DEPUTY_DATABASE="$dir/deputy.sqlite" SLACK_SIGNING_SECRET=bench \
        SLACK_BOT_TOKEN=xoxb-bench-dummy SLACK_API_URL="http://127.0.0.1:$PORT_FAKE_SLACK/api" \
        taskset -c "$SERVER_CORE" "$DEPUTY_BIN" serve --config Config/deputy.yaml >"$dir/deputy.log" 2>&1 &
    SERVER_PID=$!
    local last=-1 still=0
    while awk -v s="$started" -v n="$(now)" 'BEGIN { exit !(n - s < 300) }'; do
        n=$(nudges)
        n=${n:-0}
        if [ "$owed" -gt 0 ] && [ "$n" -ge "$owed" ]; then break; fi
        if [ "$owed" -eq 0 ] && [ "$n" -gt 0 ]; then  # counting: done once it stops growing for 5 s
            if [ "$n" -eq "$last" ]; then still=$((still + 1)); else still=0; fi
            [ "$still" -ge 100 ] && break
            last=$n
        fi
        sleep 0.05
    done
    took=$(awk -v s="$started" -v n="$(now)" 'BEGIN { printf "%.2f", n - s }')
    if [ "$owed" -gt 0 ]; then
        while awk -v s="$started" -v n="$(now)" 'BEGIN { exit !(n - s < 300) }'; do
            if [ "$(slack_requests)" -ge "$owed" ]; then
                delivered=$(awk -v s="$started" -v n="$(now)" 'BEGIN { printf "%.1f", n - s }')
                break
            fi
            sleep 0.2
        done
    fi
    while awk -v s="$started" -v n="$(now)" -v d="$DRAIN" 'BEGIN { exit !(n - s < d) }'; do sleep 0.2; done
    cpu=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$SERVER_PID/stat")
    stats=$(slack_requests)
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    kill "$FAKE_PID" 2>/dev/null || true
    wait "$FAKE_PID" 2>/dev/null || true
    PIDS=()
    echo "$n $took $delivered $cpu $stats"
}

log "counting the nudges the catch-up owes"
read -r owed _ <<<"$(run 0 0)"
log "$owed nudges owed"

echo "| run | nudges | every nudge fired after (s, from the process start) | every message at Slack after (s) | then, at $DRAIN s or when delivered: Deputy's CPU s | requests Slack took |"
echo "|---:|---:|---:|---:|---:|---:|"
for i in $(seq 1 "$RUNS"); do
    read -r n took delivered cpu stats <<<"$(run "$i" "$owed")"
    echo "| $i | $n | $took | $delivered | $cpu | $stats |"
done | tee "$OUT/report.md"
