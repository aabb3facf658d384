#!/usr/bin/env bash
# Throughput and latency of the decision sidecar over loopback, servers pinned to one core and wrk
# to the other. Run from the repository root after
#   ./mvnw -B -q -pl policy-dsl,decision-service package -DskipTests
# Environment: DURATION (default 15s per run), ROUNDS (3), WARMUP (15s per path), CONNS (16), SERVER_CPU (0),
# CLIENT_CPU (1), PORT (8182; the log-on server takes PORT+1), OUT (target/http-bench),
# JAVA (default $JAVA_HOME/bin/java: JDK 21 or newer).
#
# Two servers run side by side from the start, both warm: "off" without decision logs, "on" with the
# file sink. Every kind of run goes once per round, rounds interleaved, so that a neighbour's burst
# lands on one run rather than on one kind; the best run of each kind is quoted (a neighbour only
# ever adds time).
set -euo pipefail

JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAR=${JAR:-decision-service/target/quarkus-app/quarkus-run.jar}
POLICIES=${POLICIES:-policies/examples/rbac}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-15s}
CONNS=${CONNS:-16}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PORT=${PORT:-8182}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-target/http-bench}
mkdir -p "$OUT"
LOG="$OUT/decisions.log"
rm -f "$LOG"*
declare -A BASE PID
BASE[off]="http://127.0.0.1:$PORT"
BASE[on]="http://127.0.0.1:$((PORT + 1))"
trap 'kill ${PID[off]:-} ${PID[on]:-} 2>/dev/null || true' EXIT

start_server() { # NAME PORT extra -D options...
  local name=$1 port=$2
  shift 2
  taskset -c "$SERVER_CPU" "$JAVA" @decision-service/jvm.options -Dquarkus.http.port="$port" -Dverdict.policies.dir="$POLICIES" \
    -Dverdict.bench-endpoint=true "$@" -jar "$JAR" > "$OUT/server-$name.log" 2>&1 &
  PID[$name]=$!
  local t0
  t0=$(date +%s%N)
  until curl -sf "${BASE[$name]}/health" > /dev/null; do
    kill -0 "${PID[$name]}" 2> /dev/null || { cat "$OUT/server-$name.log"; exit 1; }
    sleep 0.05
  done
  echo "server $name up: /health 200 after $(( ($(date +%s%N) - t0) / 1000000 )) ms (JVM start included)"
}

# A server's CPU time so far (user + system, all threads, GC included), in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/${PID[$1]}/stat"; }
# The server core's ticks so far: all, and stolen by the hypervisor for other machines (a VM's
# neighbours show up here, not in the server's CPU time).
core_ticks() { awk -v c="cpu$SERVER_CPU" '$1 == c {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9}' /proc/stat; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# run NAME SERVER SCRIPT PATH: prints NAME, requests/s, p99 and the server's CPU time per request,
# keeps wrk's output. CPU per request barely moves when a neighbour steals the core, so it is the
# steadier figure on a shared machine: req/s ratios follow its inverse.
run() {
  local name=$1 server=$2 script=$3 path=$4
  local before after rps p99 requests cpu core_before core_after steal
  before=$(server_ticks "$server")
  core_before=$(core_ticks)
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNS" -d"$DURATION" --latency -s "$HERE/$script" "${BASE[$server]}$path" \
    > "$OUT/$name.txt"
  after=$(server_ticks "$server")
  core_after=$(core_ticks)
  steal=$(echo "$core_before $core_after" | awk '{printf "%.0f", ($3 - $1 > 0) ? 100 * ($4 - $2) / ($3 - $1) : 0}')
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
  cpu=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" 'BEGIN {printf "%.1f", 1e6 * t / hz / n}')
  printf '%-24s %12s req/s   p99 %-9s %6s us CPU/request   %3s %% stolen\n' "$name" "$rps" "$p99" "$cpu" "$steal"
  eval "RPS_${name//-/_}=$rps"
  eval "CPU_${name//-/_}=$cpu"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
best() { awk -v a="$1" -v b="$2" 'BEGIN {print (a > b ? a : b)}'; }
least() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b ? a : b)}'; }

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
start_server off "$PORT"
start_server on "$((PORT + 1))" -Dverdict.decision-logs.file.path="$LOG" -Dverdict.decision-logs.file.max-size=2G

# The JIT compiles on the servers' core too: warm every path before measuring anything.
warm() { taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNS" -d"$WARMUP" -s "$HERE/$2" "${BASE[$1]}$3" > /dev/null; }
# Both servers get the same warm-up, so that neither is measured while its JIT still compiles.
for server in off on; do
  warm $server repeated.lua /v1/bench/constant
  warm $server distinct.lua /v1/data/app/rbac/allow
  warm $server repeated.lua /v1/data/app/rbac/allow
done

for round in $(seq 1 "$ROUNDS"); do
  run bare-$round off repeated.lua /v1/bench/constant
  run repeated-$round off repeated.lua /v1/data/app/rbac/allow
  run distinct-$round off distinct.lua /v1/data/app/rbac/allow
  run distinct-log-on-$round on distinct.lua /v1/data/app/rbac/allow
done
for kind in bare repeated distinct distinct_log_on; do
  eval "RPS_$kind=\$RPS_${kind}_1 CPU_$kind=\$CPU_${kind}_1"
  for round in $(seq 2 "$ROUNDS"); do
    eval "RPS_$kind=\$(best \"\$RPS_$kind\" \"\$RPS_${kind}_$round\")"
    eval "CPU_$kind=\$(least \"\$CPU_$kind\" \"\$CPU_${kind}_$round\")"
  done
done
echo "best: bare $RPS_bare, repeated $RPS_repeated, distinct $RPS_distinct, distinct with the log on $RPS_distinct_log_on req/s"
echo "distinct / bare: $(ratio "$RPS_distinct" "$RPS_bare")   repeated / bare: $(ratio "$RPS_repeated" "$RPS_bare")" \
  "  log on / log off (distinct): $(ratio "$RPS_distinct_log_on" "$RPS_distinct")"
# The same ratios from CPU time per request (bare's over the path's), the lowest of the rounds each.
echo "CPU/request: bare $CPU_bare, repeated $CPU_repeated, distinct $CPU_distinct, log on $CPU_distinct_log_on us" \
  "-> distinct $(ratio "$CPU_bare" "$CPU_distinct"), repeated $(ratio "$CPU_bare" "$CPU_repeated") of bare's rate," \
  "log on $(ratio "$CPU_distinct" "$CPU_distinct_log_on") of log off's"

# Latency at half the measured maximum: each connection waits DELAY ms between requests.
for kind in distinct repeated; do
  max=$(eval echo "\$RPS_$kind")
  half=$(awk -v m="$max" 'BEGIN {print m / 2}')
  delay=$(awk -v h="$half" -v c="$CONNS" 'BEGIN {d = int(1000 * c / h); print d < 1 ? 1 : d}')
  WRK_DELAY_MS=$delay run "$kind-at-half" off "$kind.lua" /v1/data/app/rbac/allow
  echo "  (target $half req/s: $CONNS connections, ${delay} ms pause each)"
done

# Every decision of the log-on server is in the file, unless the queue was full (then counted).
sleep 2
metrics=$(curl -s "${BASE[on]}/metrics")
decided=$(echo "$metrics" | awk -F' ' '/^verdict_data_queries_total\{/ {s += $2} END {printf "%d", s}')
dropped=$(echo "$metrics" | awk -F' ' '/^verdict_decision_logs_dropped_total\{/ {s += $2} END {printf "%d", s}')
lines=$(cat "$LOG"* | wc -l)
echo "log-on server: decisions $decided, events in the file $lines, dropped $dropped"
