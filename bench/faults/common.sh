# Shared by bench/faults/crash.sh and soak.sh (sourced, from the repository's root, with ROOT
# and DEPUTY_BIN set): the checks, the results folder, a fresh signing secret, the log, the fake
# Slack API, and a cleanup that stops every process they started.

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Checks the binary and aiohttp, makes OUT (bench/results/<$1>-<time>), exports a fresh
# SLACK_SIGNING_SECRET, and stops everything in PIDS (and the daemon in OUT/daemon.pid) on exit.
faults_setup() {
    [ -x "$DEPUTY_BIN" ] || { echo "no deputy binary at $DEPUTY_BIN: build it or set DEPUTY_BIN" >&2; exit 1; }
    python3 -c 'import aiohttp' 2>/dev/null || { echo "pip install aiohttp" >&2; exit 1; }
    OUT="$ROOT/bench/results/$1-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$OUT"
    export SLACK_SIGNING_SECRET="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    PIDS=()
    trap faults_cleanup EXIT
}

faults_cleanup() {
    # The harness starts, kills and restarts the daemon itself; should it die first, the
    # daemon's last pid is here.
    if [ -s "$OUT/daemon.pid" ]; then kill -9 "$(cat "$OUT/daemon.pid")" 2>/dev/null || true; fi
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}

# Starts bench/faults/fake_slack.py on PORT_FAKE_SLACK, logging to OUT, with the options given,
# and waits until it answers.
start_fake_slack() {
    python3 bench/faults/fake_slack.py --port "$PORT_FAKE_SLACK" --log "$OUT/slack-arrivals.jsonl" "$@" \
        >"$OUT/fake-slack.log" 2>&1 &
    PIDS+=("$!")
    for _ in $(seq 1 100); do
        curl -sf -o /dev/null "http://127.0.0.1:$PORT_FAKE_SLACK/stats" && break
        sleep 0.1
    done
}
