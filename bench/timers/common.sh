# Shared by bench/timers/run.sh and catchup.sh (sourced, from the repository's root, with
# SCRATCH set): the log, a cleanup that stops the server (SERVER_PID) and everything in PIDS on
# exit, and the release build of deputy and timers-seed (skipped with SKIP_BUILD=1), which sets
# BIN and DEPUTY_BIN.

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

PIDS=()
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
    log "building release (scratch path $SCRATCH)"
    swift build -c release --scratch-path "$SCRATCH" --product deputy >&2
    swift build -c release --scratch-path "$SCRATCH" --product timers-seed >&2
fi
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
DEPUTY_BIN=${DEPUTY_BIN:-$BIN/deputy}
