#!/usr/bin/env bash
# Signed Slack slash commands against three servers, one after another in the same run:
#   deputy  the full path: `deputy serve`, release build, durable store (synchronous=FULL)
#   deputy-norecord  (only when named) the same server given `/ic help`: every step but the store
#   bare    bench/BareSlack: verify the signature, parse the form, answer the same JSON
#   bolt    bench/slack/bolt_app.py: Slack's Bolt for Python, AsyncApp on aiohttp
# Each server runs pinned to core 0, the load generators to core 1. For each server:
#   - an open-loop run at a fixed rate (bench/OpenLoop; latency from the scheduled send), and
#   - a closed-loop run with wrk (bench/slack/requests.lua), for throughput,
# each on a fresh server (Deputy: a fresh database with the benchmark's incidents declared and
# led first), each with its own file of distinct requests signed just before it.
# Each phase also records the server's CPU time (user + system, from /proc), for CPU per request.
# After Deputy's runs, bench/slack/sqlite_floor.c times SQLite alone doing the benchmark's writes
# on a copy of the schema Deputy created: the floor no code above the store can go below.
# Prints a Markdown table and the ratios; raw output goes to bench/results/slack-<time>/.
#
#   bench/slack/run.sh                 # everything
#   SERVERS="deputy bare" bench/slack/run.sh
#   WRK_DURATION=20 OPEN_RATE=1000 OPEN_DURATION=30 WRK_CONNECTIONS=64 bench/slack/run.sh
#   SKIP_BUILD=1 bench/slack/run.sh    # reuse the last release build
#   DEPUTY_BIN=/path/to/deputy bench/slack/run.sh   # another build of deputy (before/after)
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SERVERS=${SERVERS:-"deputy bare bolt"}
WRK_DURATION=${WRK_DURATION:-20}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
OPEN_RATE=${OPEN_RATE:-1000}
OPEN_DURATION=${OPEN_DURATION:-30}
OPEN_WARMUP=${OPEN_WARMUP:-5}
OPEN_CONNECTIONS=${OPEN_CONNECTIONS:-64}
MAX_LOAD=${MAX_LOAD:-2}
SERVER_CORE=${SERVER_CORE:-0}
CLIENT_CORE=${CLIENT_CORE:-1}
SCRATCH=${SCRATCH:-.build-release}
PORT_DEPUTY=18090
PORT_BARE=18091
PORT_BOLT=18092
PORT_FAKE_SLACK=18099

OUT="$ROOT/bench/results/slack-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export SLACK_SIGNING_SECRET="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

PIDS=()
cleanup() {
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
python3 -c 'import slack_bolt, aiohttp' 2>/dev/null || { log "pip install slack-bolt aiohttp"; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
    log "building release (scratch path $SCRATCH)"
    swift build -c release --scratch-path "$SCRATCH" --product deputy >&2
    swift build -c release --scratch-path "$SCRATCH" --product bare-slack >&2
    swift build -c release --scratch-path "$SCRATCH" --product open-loop >&2
fi
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
DEPUTY_BIN=${DEPUTY_BIN:-$BIN/deputy}

# Waits (up to 30 minutes) until the machine is quiet: other work skews everything.
wait_quiet() {
    for _ in $(seq 1 180); do
        load=$(cut -d' ' -f1 /proc/loadavg)
        if awk -v l="$load" -v m="$MAX_LOAD" 'BEGIN { exit !(l < m) }'; then return 0; fi
        log "load average $load (want < $MAX_LOAD): waiting"
        sleep 10
    done
    log "still busy after 30 minutes: measuring anyway (load $(cut -d' ' -f1 /proc/loadavg))"
}

# Waits until something answers HTTP on $1 (any status), up to 30 s.
wait_http() {
    for _ in $(seq 1 300); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1${2:-/}" || true)
        [ "$code" != "000" ] && return 0
        sleep 0.1
    done
    log "nothing answers on port $1"
    return 1
}

# Starts server $1 pinned to the server core; sets PORT and SERVER_PID.
start_server() {
    local name=$1 tag=$2
    case $name in
        deputy | deputy-nolimits | deputy-norecord)
            PORT=$PORT_DEPUTY
            rm -rf "$OUT/db-$name-$tag"
            mkdir -p "$OUT/db-$name-$tag"
            # deputy: the shipped Config/deputy.yaml, command limits on; deputy-nolimits: the same
            # with both limits 0 (off), to show what the limits cost.
            config=Config/deputy.yaml
            if [ "$name" = deputy-nolimits ]; then
                config="$OUT/deputy-nolimits.yaml"
                sed -e 's/^  user_commands_per_minute: .*/  user_commands_per_minute: 0/' \
                    -e 's/^  channel_commands_per_minute: .*/  channel_commands_per_minute: 0/' \
                    Config/deputy.yaml >"$config"
            fi
            DEPUTY_HOST=127.0.0.1 DEPUTY_PORT=$PORT DEPUTY_DATABASE="$OUT/db-$name-$tag/deputy.sqlite" \
                SLACK_BOT_TOKEN=xoxb-bench-dummy SLACK_API_URL="http://127.0.0.1:$PORT_FAKE_SLACK/api" \
                timeout 600 taskset -c "$SERVER_CORE" "$DEPUTY_BIN" serve --config "$config" \
                >"$OUT/$name-$tag.log" 2>&1 &
            SERVER_PID=$!
            wait_http $PORT /healthz
            ;;
        bare)
            PORT=$PORT_BARE
            # One event loop on its one core, as `deputy serve` chooses for itself (EventLoopCount).
            NIO_SINGLETON_GROUP_LOOP_COUNT=1 timeout 600 taskset -c "$SERVER_CORE" "$BIN/bare-slack" --port $PORT \
                >"$OUT/$name-$tag.log" 2>&1 &
            SERVER_PID=$!
            wait_http $PORT /healthz
            ;;
        bolt)
            PORT=$PORT_BOLT
            timeout 600 taskset -c "$SERVER_CORE" python3 bench/slack/bolt_app.py --port $PORT \
                >"$OUT/$name-$tag.log" 2>&1 &
            SERVER_PID=$!
            wait_http $PORT /slack/commands
            ;;
    esac
    PIDS+=("$SERVER_PID")
    if [[ $name == deputy* ]]; then
        python3 bench/slack/make_requests.py setup --port $PORT \
            --response-base "http://127.0.0.1:$PORT_FAKE_SLACK/response"
    fi
}

stop_server() {  # $1 the file to keep Deputy's /metrics in (how many commands were limited)
    if [ -n "${1:-}" ]; then curl -s "http://127.0.0.1:$PORT/metrics" >"$1" || true; fi
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
}

requests() {  # $1 file, $2 count, $3 server
    local text=()
    [ "$3" = deputy-norecord ] && text=(--text help)
    python3 bench/slack/make_requests.py requests --out "$1" --count "$2" "${text[@]}" \
        --response-base "http://127.0.0.1:$PORT_FAKE_SLACK/response"
}

# CPU seconds (user + system) the server has used: the process `timeout` started and its children.
server_cpu() {
    local total=0 pid ticks
    for pid in $SERVER_PID $(pgrep -P "$SERVER_PID" || true); do
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + ticks))
    done
    echo "$total $(getconf CLK_TCK)" | awk '{printf "%.3f", $1 / $2}'
}

# Writes {"cpu_s": …, "wall_s": …, "requests": …} for one phase: $1 file, $2 CPU before, $3 start, $4 requests.
cpu_report() {
    local after now
    after=$(server_cpu)
    now=$(date +%s.%N)
    awk -v a="$after" -v b="$2" -v s="$3" -v n="$now" -v r="$4" \
        'BEGIN { printf "{\"cpu_s\": %.3f, \"wall_s\": %.3f, \"requests\": %d}\n", a - b, n - s, r }' >"$1"
}

log "fake Slack API on 127.0.0.1:$PORT_FAKE_SLACK (core $CLIENT_CORE)"
timeout 3600 taskset -c "$CLIENT_CORE" python3 bench/timers/fake_slack.py --port $PORT_FAKE_SLACK --lifetime 3000 \
    >"$OUT/fake-slack.log" 2>&1 &
PIDS+=("$!")
wait_http $PORT_FAKE_SLACK /stats

# Requests for wrk: more than each server can take in WRK_DURATION (a repeat would be answered
# from Deputy's dedupe; the report counts repeats, which must be 0).
declare -A CEILING=([deputy]=10000 [deputy-nolimits]=10000 [deputy-norecord]=10000 [bare]=15000 [bolt]=5000)
OPEN_COUNT=$(( OPEN_RATE * OPEN_DURATION ))
for name in $SERVERS; do
    wait_quiet
    log "$name: open loop, $OPEN_RATE requests/s for $OPEN_DURATION s ($OPEN_WARMUP s warm-up)"
    start_server "$name" open
    requests "$OUT/requests-$name-open.tsv" "$OPEN_COUNT" "$name"
    cpu_before=$(server_cpu)
    started=$(date +%s.%N)
    taskset -c "$CLIENT_CORE" "$BIN/open-loop" --port $PORT --path /slack/commands \
        --requests "$OUT/requests-$name-open.tsv" --rate "$OPEN_RATE" --duration "$OPEN_DURATION" \
        --warmup "$OPEN_WARMUP" --connections "$OPEN_CONNECTIONS" --label "$name" | tee "$OUT/$name-open.txt" >&2
    cpu_report "$OUT/$name-open-cpu.json" "$cpu_before" "$started" "$OPEN_COUNT"
    stop_server "$OUT/$name-open-metrics.txt"
    rm -f "$OUT/requests-$name-open.tsv"

    wait_quiet
    log "$name: wrk, $WRK_CONNECTIONS connections for $WRK_DURATION s"
    start_server "$name" wrk
    requests "$OUT/requests-$name-wrk.tsv" "$(( WRK_DURATION * ${CEILING[$name]} ))" "$name"
    cpu_before=$(server_cpu)
    started=$(date +%s.%N)
    taskset -c "$CLIENT_CORE" wrk -t1 -c"$WRK_CONNECTIONS" -d"${WRK_DURATION}s" --latency \
        -s bench/slack/requests.lua "http://127.0.0.1:$PORT" -- "$OUT/requests-$name-wrk.tsv" 1 \
        | tee "$OUT/$name-wrk.txt" >&2
    cpu_report "$OUT/$name-wrk-cpu.json" "$cpu_before" "$started" \
        "$(sed -n 's/^WRK_JSON .*"requests": \([0-9]*\).*/\1/p' "$OUT/$name-wrk.txt")"
    stop_server "$OUT/$name-wrk-metrics.txt"
    rm -f "$OUT/requests-$name-wrk.tsv"
done

# A plain GET on the bare server, for reference: the framework without signing or a form.
if [[ " $SERVERS " == *" bare "* ]]; then
    wait_quiet
    start_server bare get
    taskset -c "$CLIENT_CORE" wrk -t1 -c"$WRK_CONNECTIONS" -d10s "http://127.0.0.1:$PORT_BARE/healthz" \
        | tee "$OUT/bare-get.txt" >&2
    stop_server
fi

if [ -f "$OUT/db-deputy-wrk/deputy.sqlite" ]; then
    # Compiled before waiting for quiet, so the compiler is not part of the load measured.
    if cc -O2 -o "$OUT/sqlite-floor" bench/slack/sqlite_floor.c -lsqlite3; then
        wait_quiet
        log "SQLite alone, the benchmark's writes, on core $SERVER_CORE"
        taskset -c "$SERVER_CORE" "$OUT/sqlite-floor" --schema-from "$OUT/db-deputy-wrk/deputy.sqlite" \
            --work "$OUT/floor" | tee "$OUT/sqlite-floor.txt" >&2
    else
        log "cannot compile bench/slack/sqlite_floor.c (apt-get install -y libsqlite3-dev): no SQLite floor"
    fi
fi

python3 bench/slack/report.py "$OUT" $SERVERS | tee "$OUT/report.md"
