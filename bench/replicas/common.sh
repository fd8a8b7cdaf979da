# Shared by bench/replicas/run.sh and failover.sh: a throwaway PostgreSQL cluster with its
# durability on (fsync, synchronous_commit: what production runs), `deputy serve` replicas on
# it, and CPU accounting from /proc. Sourced, not run.

PG_PORT=${PG_PORT:-18190}
PORT_FAKE_SLACK=${PORT_FAKE_SLACK:-18199}
SCRATCH=${SCRATCH:-.build-release}
MAX_LOAD=${MAX_LOAD:-2}
# The fake Slack API needs aiohttp: Debian's python3 has it with python3-aiohttp.
PYTHON=${PYTHON:-python3}

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

PIDS=()
PG_DATA=""
cleanup() {
    for pid in "${PIDS[@]:-}"; do
        [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
    done
    if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
    wait 2>/dev/null || true
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { log "PostgreSQL's server is missing: apt-get install -y postgresql"; exit 1; }

build() {
    if [ -z "${SKIP_BUILD:-}" ]; then
        log "building release (scratch path $SCRATCH)"
        swift build -c release --scratch-path "$SCRATCH" --product deputy >&2
        swift build -c release --scratch-path "$SCRATCH" --product open-loop >&2
    fi
    BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
    DEPUTY_BIN=${DEPUTY_BIN:-$BIN/deputy}
}

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

wait_http() {  # $1 port, $2 path: until it answers 200, up to 30 s
    for _ in $(seq 1 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$2" || true)" = 200 ] && return 0
        sleep 0.1
    done
    log "nothing healthy on port $1"
    return 1
}

# Starts the cluster in $OUT/pg on 127.0.0.1:$PG_PORT, durability as shipped.
start_postgres() {
    PG_DATA="$OUT/pg/data"
    mkdir -p "$OUT/pg"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$OUT/pg"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U deputy -A trust -E UTF8 --locale=C >"$OUT/pg/initdb.log"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$OUT/pg/server.log" -w \
        -o "-p $PG_PORT -k $OUT/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fsync and synchronous_commit on)"
}

fresh_database() {  # $1 name; prints its address
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U deputy -d postgres -qc "CREATE DATABASE $1" >&2
    echo "postgres://deputy@127.0.0.1:$PG_PORT/$1?sslmode=disable"
}

sql() {  # $1 database name, $2 statement: the rows, tab-separated
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U deputy -d "$1" -AtF $'\t' -c "$2"
}

# Starts replica $1 (0, 1, …) on $DATABASE at port 18180+$1, pinned to core $2; its pid in
# REPLICA_PIDS[$1].
REPLICA_PIDS=()
start_replica() {
    local n=$1 core=$2 port=$((18180 + $1))
    DEPUTY_DATABASE="$DATABASE" DEPUTY_PORT=$port DEPUTY_HOST=127.0.0.1 \
        SLACK_BOT_TOKEN=xoxb-bench SLACK_API_URL="http://127.0.0.1:$PORT_FAKE_SLACK/api" \
        taskset -c "$core" "$DEPUTY_BIN" serve >"$OUT/replica-$n-$(date +%s%N).log" 2>&1 &
    REPLICA_PIDS[$n]=$!
    PIDS+=("$!")
    wait_http $port /healthz
}

stop_replicas() {
    for pid in "${REPLICA_PIDS[@]:-}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${REPLICA_PIDS[@]:-}"; do wait "$pid" 2>/dev/null || true; done
    REPLICA_PIDS=()
}

# CPU seconds (user + system) of the given processes.
cpu_of() {
    local total=0 pid ticks
    for pid in "$@"; do
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + ticks))
    done
    echo "$total $(getconf CLK_TCK)" | awk '{printf "%.3f", $1 / $2}'
}

# CPU seconds of every PostgreSQL server process (the postmaster and its backends), ended
# backends included: the postmaster's children's time is counted in its cutime/cstime.
postgres_cpu() {
    local master total=0 ticks pid
    master=$(head -1 "$PG_DATA/postmaster.pid")
    ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$master/stat")
    total=$ticks
    for pid in $(pgrep -P "$master"); do
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + ticks))
    done
    echo "$total $(getconf CLK_TCK)" | awk '{printf "%.3f", $1 / $2}'
}

start_fake_slack() {  # $@ extra arguments
    timeout 3600 taskset -c "${CLIENT_CORE:-1}" "$PYTHON" bench/timers/fake_slack.py --port "$PORT_FAKE_SLACK" \
        --lifetime 3000 "$@" >"$OUT/fake-slack.log" 2>&1 &
    PIDS+=("$!")
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$PORT_FAKE_SLACK/stats" && return 0
        sleep 0.1
    done
    log "the fake Slack API did not start (aiohttp missing? PYTHON=/usr/bin/python3 with python3-aiohttp)"
    return 1
}
