#!/usr/bin/env bash
# Start-up of the decision sidecar: `java -jar` to the first 200 from /health (policies loaded), with
# and without a JDK AOT cache (JEP 483/514/515, JDK 25: classes loaded and linked, and method
# profiles, from a training run), runs alternating so that a neighbour's burst lands on both kinds.
# Run from the repository root after
#   ./mvnw -B -q -pl policy-dsl,decision-service package -DskipTests
# Environment: RUNS (default 5 of each), CPU (0: the server is pinned to one core, as a sidecar with
# a one-core limit), PORT (8197), POLICIES (policies/examples/rbac), OUT (target/startup-bench),
# JAVA (default $JAVA_HOME/bin/java: JDK 25 or newer for the AOT cache).
set -euo pipefail

JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAR=${JAR:-decision-service/target/quarkus-app/quarkus-run.jar}
POLICIES=${POLICIES:-policies/examples/rbac}
RUNS=${RUNS:-5}
CPU=${CPU:-0}
PORT=${PORT:-8197}
OUT=${OUT:-target/startup-bench}
mkdir -p "$OUT"
AOT="$OUT/app.aot"
BASE="http://127.0.0.1:$PORT"
PID=
trap 'kill $PID 2>/dev/null || true' EXIT

# start LOG extra-JVM-options...: starts the server, waits for /health, sets MS to the milliseconds
# (a global, not printed: a command substitution would run it in a subshell that loses PID).
start() {
  local log=$1 t0
  shift
  t0=$(date +%s%N)
  taskset -c "$CPU" "$JAVA" @decision-service/jvm.options "$@" -Dquarkus.http.port="$PORT" -Dverdict.policies.dir="$POLICIES" -jar "$JAR" > "$log" 2>&1 &
  PID=$!
  until curl -sf "$BASE/health" > /dev/null; do
    kill -0 "$PID" 2> /dev/null || { cat "$log"; exit 1; }
    sleep 0.01
  done
  MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop() {
  kill "$PID"
  wait "$PID" 2> /dev/null || true
}

# The training run: start, a few hundred decisions over the data and decision APIs, stop; the JVM
# writes the cache on exit.
rm -f "$AOT"
start "$OUT/training.log" -XX:AOTCacheOutput="$AOT"
for i in $(seq 1 300); do
  curl -s -o /dev/null -XPOST -H 'Content-Type: application/json' \
    -d "{\"input\":{\"user\":\"bob\",\"action\":\"read\",\"object\":\"id$i\",\"type\":\"cat\"}}" "$BASE/v1/data/app/rbac/allow"
done
stop
[ -s "$AOT" ] || { echo "no AOT cache written: see $OUT/training.log"; exit 1; }
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
echo "AOT cache: $(du -h "$AOT" | cut -f1)"

plain=() cached=()
for run in $(seq 1 "$RUNS"); do
  start "$OUT/plain-$run.log"
  stop
  plain+=("$MS")
  start "$OUT/aot-$run.log" -XX:AOTCache="$AOT"
  stop
  cached+=("$MS")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
echo "java -jar to /health 200 (ms): plain ${plain[*]}; with the AOT cache ${cached[*]}"
echo "median: plain $(median "${plain[@]}") ms, with the AOT cache $(median "${cached[@]}") ms"
