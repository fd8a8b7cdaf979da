#!/usr/bin/env bash
# Soak: `deputy serve` (release build, fresh database) under a steady open-loop stream of signed
# Slack slash commands (RATE a second over CHANNELS channels, timeboxes of seconds so follow-up
# nudges fire all the time) for DURATION seconds, while the fake Slack API fails FAIL_RATE of
# the deliveries (500s, 429s with Retry-After: 1, connection resets, slow answers). Samples the
# daemon's resident memory and open file descriptors every SAMPLE seconds; at the end checks
# that no acknowledged command and no due nudge was lost, and that memory and descriptors did
# not grow in the second half. See bench/README.md. Output goes to bench/results/soak-<time>/.
#
#   bench/faults/soak.sh                  # an hour
#   DURATION=120 bench/faults/soak.sh     # two minutes
#   RATE=50 CHANNELS=200 FAIL_RATE=0.10 DURATION=3600 bench/faults/soak.sh
#   DEPUTY_BIN=/path/to/deputy bench/faults/soak.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DEPUTY_BIN=${DEPUTY_BIN:-$ROOT/.build-release/release/deputy}
DURATION=${DURATION:-3600}
RATE=${RATE:-50}
CHANNELS=${CHANNELS:-200}
CONNECTIONS=${CONNECTIONS:-8}
FAIL_RATE=${FAIL_RATE:-0.10}
SLOW=${SLOW:-2}
WORK=${WORK:-30}
TIMEBOX_MIN=${TIMEBOX_MIN:-5}
TIMEBOX_MAX=${TIMEBOX_MAX:-20}
SAMPLE=${SAMPLE:-10}
DRAIN=${DRAIN:-180}
RSS_GROWTH=${RSS_GROWTH:-0.20}
FD_GROWTH=${FD_GROWTH:-10}
SEED=${SEED:-}
PORT=${PORT:-18390}
PORT_FAKE_SLACK=${PORT_FAKE_SLACK:-18399}

source bench/faults/common.sh
faults_setup soak

log "fake Slack API on 127.0.0.1:$PORT_FAKE_SLACK failing $FAIL_RATE of requests; output in $OUT"
start_fake_slack --fail-rate "$FAIL_RATE" --slow "$SLOW" --lifetime "$(( ${DURATION%.*} + DRAIN + 600 ))" ${SEED:+--seed "$SEED"}

log "deputy $DEPUTY_BIN on 127.0.0.1:$PORT: $RATE commands/s over $CHANNELS channels for $DURATION s"
status=0
python3 bench/faults/soak.py --bin "$DEPUTY_BIN" --out "$OUT" --port "$PORT" --fake-port "$PORT_FAKE_SLACK" \
    --rate "$RATE" --channels "$CHANNELS" --connections "$CONNECTIONS" --duration "$DURATION" --work "$WORK" \
    --timebox-min "$TIMEBOX_MIN" --timebox-max "$TIMEBOX_MAX" --sample "$SAMPLE" --drain "$DRAIN" \
    --rss-growth "$RSS_GROWTH" --fd-growth "$FD_GROWTH" ${SEED:+--seed "$SEED"} || status=$?
log "report: $OUT/report.txt; samples: $OUT/samples.csv"
exit "$status"
