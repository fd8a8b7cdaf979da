#!/usr/bin/env bash
# Deputy on PostgreSQL: one and two `deputy serve` replicas on one local PostgreSQL (durability
# on), the same signed Slack slash commands as bench/slack/run.sh (notes and 5-minute
# assignments over 500 incident channels), split evenly between the replicas. For each count:
#   - open loop: bench/OpenLoop at OPEN_RATE requests/s in all (each replica its share), latency
#     from the scheduled send (no coordinated omission);
#   - closed loop: wrk on each replica at once, for throughput;
#   - CPU per command, from /proc during the closed loop: the replicas', and PostgreSQL's own
#     (postmaster and backends), which says how many replicas one PostgreSQL core can serve.
# Replicas run on core 0, the load generators on core 1, PostgreSQL where the kernel puts it.
# Raw output and report.md go to bench/results/replicas-<time>/.
#
#   PYTHON=/usr/bin/python3 bench/replicas/run.sh
#   REPLICAS="1 2" OPEN_RATE=500 OPEN_DURATION=30 WRK_DURATION=20 SKIP_BUILD=1 bench/replicas/run.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REPLICAS=${REPLICAS:-"1 2"}
OPEN_RATE=${OPEN_RATE:-500}
OPEN_DURATION=${OPEN_DURATION:-30}
OPEN_WARMUP=${OPEN_WARMUP:-5}
WRK_DURATION=${WRK_DURATION:-20}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
OUT="$ROOT/bench/results/replicas-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export SLACK_SIGNING_SECRET="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
source bench/replicas/common.sh
command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }

build
start_postgres
start_fake_slack

requests() {  # $1 file, $2 count, $3 how many parts (one per replica): files $1.0, $1.1, …
    python3 bench/slack/make_requests.py requests --out "$1" --count "$2" \
        --response-base "http://127.0.0.1:$PORT_FAKE_SLACK/response"
    for ((part = 0; part < $3; part++)); do
        awk -v n="$3" -v p="$part" 'NR % n == p' "$1" >"$1.$part"
    done
}

echo "| replicas | open loop p50 / p99 / max (ms) at $OPEN_RATE/s | errors | closed loop req/s | replicas' CPU µs/command | PostgreSQL CPU µs/command | commits/s |" >"$OUT/report.md"
echo "|---|---|---|---|---|---|---|" >>"$OUT/report.md"

for count in $REPLICAS; do
    wait_quiet
    DATABASE=$(fresh_database "bench_$count")
    for ((n = 0; n < count; n++)); do start_replica "$n" 0; done
    log "$count replica(s) on $DATABASE: declaring the benchmark's incidents"
    python3 bench/slack/make_requests.py setup --port 18180 \
        --response-base "http://127.0.0.1:$PORT_FAKE_SLACK/response"

    log "$count replica(s): open loop, $OPEN_RATE requests/s for $OPEN_DURATION s"
    requests "$OUT/open-$count.tsv" $((OPEN_RATE * OPEN_DURATION)) "$count"
    loaders=()
    for ((n = 0; n < count; n++)); do
        taskset -c 1 "$BIN/open-loop" --port $((18180 + n)) --path /slack/commands --requests "$OUT/open-$count.tsv.$n" \
            --rate "$(awk -v r="$OPEN_RATE" -v c="$count" 'BEGIN { print r / c }')" --duration "$OPEN_DURATION" \
            --warmup "$OPEN_WARMUP" --connections $((64 / count)) --label "replica-$n" >"$OUT/open-$count-$n.txt" &
        loaders+=("$!")
    done
    for pid in "${loaders[@]}"; do wait "$pid" || true; done

    log "$count replica(s): closed loop (wrk), $WRK_DURATION s"
    requests "$OUT/wrk-$count.tsv" 200000 "$count"
    deputy_before=$(cpu_of "${REPLICA_PIDS[@]}")
    pg_before=$(postgres_cpu)
    commits_before=$(sql "bench_$count" "SELECT xact_commit FROM pg_stat_database WHERE datname = 'bench_$count'")
    started=$(date +%s.%N)
    loaders=()
    for ((n = 0; n < count; n++)); do
        taskset -c 1 wrk -t1 -c$((WRK_CONNECTIONS / count)) -d"${WRK_DURATION}s" --latency \
            -s bench/slack/requests.lua "http://127.0.0.1:$((18180 + n))" -- "$OUT/wrk-$count.tsv.$n" 1 \
            >"$OUT/wrk-$count-$n.txt" 2>&1 &
        loaders+=("$!")
    done
    for pid in "${loaders[@]}"; do wait "$pid" || true; done
    ended=$(date +%s.%N)
    deputy_after=$(cpu_of "${REPLICA_PIDS[@]}")
    pg_after=$(postgres_cpu)
    commits_after=$(sql "bench_$count" "SELECT xact_commit FROM pg_stat_database WHERE datname = 'bench_$count'")
    for ((n = 0; n < count; n++)); do curl -s "http://127.0.0.1:$((18180 + n))/metrics" >"$OUT/metrics-$count-$n.txt"; done
    stop_replicas

    served=$(cat "$OUT"/wrk-"$count"-*.txt | sed -n 's/^WRK_JSON .*"requests": \([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s }')
    open=$(cat "$OUT"/open-"$count"-*.txt | grep '^{' | "$PYTHON" -c '
import json, sys
runs = [json.loads(line) for line in sys.stdin]
print("%.1f / %.1f / %.1f | %d" % (max(r["p50_ms"] for r in runs), max(r["p99_ms"] for r in runs),
    max(r["max_ms"] for r in runs), sum(r["errors"] for r in runs)))')
    awk -v c="$count" -v o="$open" -v s="$served" -v t0="$started" -v t1="$ended" -v d0="$deputy_before" \
        -v d1="$deputy_after" -v p0="$pg_before" -v p1="$pg_after" -v x0="$commits_before" -v x1="$commits_after" \
        'BEGIN { w = t1 - t0; printf "| %d | %s | %.0f | %.0f | %.0f | %.0f |\n", c, o, s / w,
            (d1 - d0) / s * 1e6, (p1 - p0) / s * 1e6, (x1 - x0) / w }' >>"$OUT/report.md"
done

cat "$OUT/report.md"
log "raw output in $OUT"
