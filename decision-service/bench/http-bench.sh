#!/usr/bin/env bash
# Throughput and latency of the decision sidecar over loopback, server pinned to one core and wrk
# to the other. Run from the repository root after
#   ./mvnw -B -q -pl policy-dsl,decision-service package -DskipTests
# Environment: DURATION (default 15s per run), CONNS (16), SERVER_CPU (0), CLIENT_CPU (1), PORT (8182),
# JAVA (default $JAVA_HOME/bin/java: JDK 21 or newer).
set -euo pipefail

JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAR=${JAR:-decision-service/target/quarkus-app/quarkus-run.jar}
POLICIES=${POLICIES:-policies/examples/rbac}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
CONNS=${CONNS:-16}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PORT=${PORT:-8182}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-target/http-bench}
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=

start_server() { # extra -D options...
  taskset -c "$SERVER_CPU" "$JAVA" -Dquarkus.http.port="$PORT" -Dverdict.policies.dir="$POLICIES" \
    -Dverdict.bench-endpoint=true "$@" -jar "$JAR" > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  local t0=$(date +%s%N)
  until curl -sf "$BASE/health" > /dev/null; do
    kill -0 "$SERVER_PID" 2> /dev/null || { cat "$OUT/server.log"; exit 1; }
    sleep 0.05
  done
  echo "server up: /health 200 after $(( ($(date +%s%N) - t0) / 1000000 )) ms (JVM start included)"
}

stop_server() {
  kill "$SERVER_PID"; wait "$SERVER_PID" || true
}
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true' EXIT

# The server's CPU time so far (user + system, all threads, GC included), in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# run NAME SCRIPT PATH [DURATION] [CONNS]: prints NAME, requests/s, p99 and the server's CPU time
# per request, keeps wrk's output. CPU per request barely moves when a neighbour steals the core,
# so it is the steadier figure on a shared machine: req/s ratios follow its inverse.
run() {
  local name=$1 script=$2 path=$3 d=${4:-$DURATION} c=${5:-$CONNS}
  local before after
  before=$(server_ticks)
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$c" -d"$d" --latency -s "$HERE/$script" "$BASE$path" > "$OUT/$name.txt"
  after=$(server_ticks)
  local rps p99 requests cpu
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
  cpu=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" 'BEGIN {printf "%.1f", 1e6 * t / hz / n}')
  printf '%-28s %12s req/s   p99 %-9s %6s us CPU/request\n' "$name" "$rps" "$p99" "$cpu"
  eval "RPS_${name//-/_}=$rps"
  eval "CPU_${name//-/_}=$cpu"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
start_server
# The JIT compiles on the server's core too: warm every path before measuring anything.
warm() { taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNS" -d"$WARMUP" -s "$HERE/$1" "$BASE$2" > /dev/null; }
warm repeated.lua /v1/bench/constant
warm distinct.lua /v1/data/app/rbac/allow
warm repeated.lua /v1/data/app/rbac/allow
# Two rounds, interleaved, so that a neighbour's load spike hits one run rather than one kind;
# the better run of each kind is quoted.
for round in 1 2; do
  run bare-$round repeated.lua /v1/bench/constant
  run repeated-$round repeated.lua /v1/data/app/rbac/allow
  run distinct-$round distinct.lua /v1/data/app/rbac/allow
done
best() { awk -v a="$1" -v b="$2" 'BEGIN {print (a > b ? a : b)}'; }
RPS_bare=$(best "$RPS_bare_1" "$RPS_bare_2")
RPS_repeated=$(best "$RPS_repeated_1" "$RPS_repeated_2")
RPS_distinct=$(best "$RPS_distinct_1" "$RPS_distinct_2")
echo "best: bare $RPS_bare, repeated $RPS_repeated, distinct $RPS_distinct req/s"
echo "distinct / bare: $(ratio "$RPS_distinct" "$RPS_bare")   repeated / bare: $(ratio "$RPS_repeated" "$RPS_bare")"
# The same ratios from CPU time per request (bare's CPU over the path's), the lower of the two rounds each.
least() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b ? a : b)}'; }
CPU_bare=$(least "$CPU_bare_1" "$CPU_bare_2")
CPU_repeated=$(least "$CPU_repeated_1" "$CPU_repeated_2")
CPU_distinct=$(least "$CPU_distinct_1" "$CPU_distinct_2")
echo "CPU/request: bare $CPU_bare, repeated $CPU_repeated, distinct $CPU_distinct us" \
  "-> distinct $(ratio "$CPU_bare" "$CPU_distinct"), repeated $(ratio "$CPU_bare" "$CPU_repeated") of bare's rate"

# Latency at half the measured maximum: each connection waits DELAY ms between requests.
for kind in distinct repeated; do
  max=$(eval echo "\$RPS_$kind")
  half=$(awk -v m="$max" 'BEGIN {print m / 2}')
  delay=$(awk -v h="$half" -v c="$CONNS" 'BEGIN {d = int(1000 * c / h); print d < 1 ? 1 : d}')
  WRK_DELAY_MS=$delay run "$kind-at-half" "$kind.lua" /v1/data/app/rbac/allow
  echo "  (target $half req/s: $CONNS connections, ${delay} ms pause each)"
done
stop_server

# Decision-log file sink on: same runs, every event counted.
LOG="$OUT/decisions.log"
rm -f "$LOG"*
start_server -Dverdict.decision-logs.file.path="$LOG" -Dverdict.decision-logs.file.max-size=2G
warm distinct.lua /v1/data/app/rbac/allow
warm repeated.lua /v1/data/app/rbac/allow
for round in 1 2; do
  run distinct-log-on-$round distinct.lua /v1/data/app/rbac/allow
done
RPS_distinct_log_on=$(best "$RPS_distinct_log_on_1" "$RPS_distinct_log_on_2")
sleep 2
metrics=$(curl -s "$BASE/metrics")
decided=$(echo "$metrics" | awk -F' ' '/^verdict_data_queries_total\{/ {s += $2} END {printf "%d", s}')
dropped=$(echo "$metrics" | awk -F' ' '/^verdict_decision_logs_dropped_total\{/ {s += $2} END {printf "%d", s}')
lines=$(cat "$LOG"* | wc -l)
stop_server
echo "log on / log off (distinct): $(ratio "$RPS_distinct_log_on" "$RPS_distinct")"
echo "decisions $decided, events in the file $lines, dropped $dropped"
