#!/usr/bin/env bash
# Crash harness: signed Slack slash commands stream into `deputy serve` (release build, fresh
# database) while it is SIGKILLed every 1-4 s and restarted on the same database, KILLS times
# (a share AIMED of them right after the fake Slack API accepted a message, before Deputy can
# record the delivery; the others at random moments); then it checks that no acknowledged
# command and no due follow-up nudge was lost, explains every message delivered twice, and
# measures the window between the fake Slack API accepting a message and the outbox recording
# it delivered. See bench/README.md.
# Output goes to bench/results/crash-<time>/; exits non-zero when anything was lost.
#
#   bench/faults/crash.sh
#   KILLS=10 bench/faults/crash.sh
#   KILLS=50 RATE=20 CHANNELS=40 MIN_GAP=1 MAX_GAP=4 bench/faults/crash.sh
#   DEPUTY_BIN=/path/to/deputy bench/faults/crash.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DEPUTY_BIN=${DEPUTY_BIN:-$ROOT/.build-release/release/deputy}
KILLS=${KILLS:-50}
RATE=${RATE:-20}
CHANNELS=${CHANNELS:-40}
CONNECTIONS=${CONNECTIONS:-8}
MIN_GAP=${MIN_GAP:-1}
MAX_GAP=${MAX_GAP:-4}
TIMEBOX_MIN=${TIMEBOX_MIN:-2}
TIMEBOX_MAX=${TIMEBOX_MAX:-5}
HEALTHY_WITHIN=${HEALTHY_WITHIN:-5}
DUP_LIMIT_MS=${DUP_LIMIT_MS:-1000}
AIMED=${AIMED:-0.3}
SEED=${SEED:-}
PORT=${PORT:-18290}
PORT_FAKE_SLACK=${PORT_FAKE_SLACK:-18299}

source bench/faults/common.sh
faults_setup crash

log "fake Slack API on 127.0.0.1:$PORT_FAKE_SLACK; output in $OUT"
start_fake_slack --lifetime 7200

log "deputy $DEPUTY_BIN on 127.0.0.1:$PORT: $KILLS kills, $RATE commands/s over $CHANNELS channels"
status=0
python3 bench/faults/crash.py --bin "$DEPUTY_BIN" --out "$OUT" --port "$PORT" --fake-port "$PORT_FAKE_SLACK" \
    --kills "$KILLS" --rate "$RATE" --channels "$CHANNELS" --connections "$CONNECTIONS" \
    --min-gap "$MIN_GAP" --max-gap "$MAX_GAP" --timebox-min "$TIMEBOX_MIN" --timebox-max "$TIMEBOX_MAX" \
    --healthy-within "$HEALTHY_WITHIN" --dup-limit "$DUP_LIMIT_MS" --aimed "$AIMED" ${SEED:+--seed "$SEED"} || status=$?
log "report: $OUT/report.txt"
exit "$status"
