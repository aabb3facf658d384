#!/usr/bin/env bash
# The sandbox executor measured as a service: the real decision-service and sandbox-executor jars on
# loopback, the decision service serving policies/sandbox (as deploy/local/run.sh starts them), every
# execution asking it first.
#
#   sandbox-executor/bench/service-bench.sh [--no-build] deadline|warm|firstrun|all
#
# deadline  each infinite-loop guest (a loop closed by br, br_if, br_table; a start function that
#           never returns; poll_oneoff sleeping in a loop, which swallows the thread's interrupt;
#           fd_write in a loop; a loop calling a function) in each engine (the executor restarted
#           with verdict.sandbox.engine=compiled, then interpreter): RUNS (100) executions with
#           timeout_ms=DEADLINE_MS (100), one at a time, after 5 unrecorded warm-up runs. Overshoot
#           = server-side duration_ms minus the deadline, and client-side wall time (curl,
#           decision round trip and HTTP included) minus the deadline; p50/p99/max per shape and
#           engine. Target: p99 <= 20 ms. The subject is alice (owner in policies/sandbox: 10^10
#           fuel, far more than 100 ms of any loop burns, so every run ends on the deadline,
#           checked: a run that ends otherwise is counted and shown).
# warm      the decision service's own POST /v1/decisions/sandbox/execution with the input the
#           executor sends for hello, alone: WARMUP (15s) of load, then `hey` runs of DURATION (10s)
#           at each concurrency in CONCURRENCY ("1 2 4 8"); then per engine, hello.wat uploaded,
#           WARMUP of load and the same runs against POST /v1/executions (the executor's share is
#           the difference). Targets: median < 5 ms at concurrency 1; executions/s reported.
#           Servers pinned to SERVER_CPU (0), hey to CLIENT_CPU (1); then once more unpinned
#           (compiled engine, both cores shared by the two servers and hey) for executions/s on the
#           machine's 2 cores.
# firstrun  per engine, a fresh executor warmed with 200 hello runs, then FIRST_ROUNDS (3) times: a
#           new ~1 MiB module (service_bench_gen.py with a new seed: different bytes, so nothing is
#           cached), its PUT and first execution timed from the client; LATER_RUNS (20) executions
#           right after (with the compiled engine, interpreted while the module compiles in the
#           background); then, compiled engine, once its compilation has finished (bounded wait on
#           verdict_sandbox_compile_duration_seconds_count), LATER_RUNS executions again. Printed:
#           which engine ran them (verdict_sandbox_runs_total{engine}) and the executor's cache
#           counters (cache_gets_total{cache="verdict_sandbox_modules"} hit/miss) over the round.
#           Target: first execution (PUT included) < 2 s; later runs hit the cache.
#
# Raw results (per-run TSV, hey's output, metrics snapshots, server logs) go to
# sandbox-executor/bench/target/results/<UTC time>/, and summary.txt there holds the table printed
# at the end. Every load run is bounded (hey -z, curl --max-time, `timeout`), loopback only.
# Needs: JDK 21+ (JAVA_HOME, java on PATH, or /usr/lib/jvm), curl, jq, hey, python3, wat2wasm
# (Debian: apt-get install -y hey wabt jq; installed here when missing and run as root), taskset
# (optional: without it nothing is pinned). Builds the two services first (like run.sh) unless
# --no-build. Environment: RUNS, DEADLINE_MS, DURATION, WARMUP, CONCURRENCY, ENGINES ("compiled
# interpreter"), FIRST_ROUNDS, LATER_RUNS, SERVER_CPU, CLIENT_CPU, DECISION_PORT (18181),
# EXECUTOR_PORT (18282), JAVA_OPTS (JVM flags for both services, after each one's jvm.options), OUT.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$root/sandbox-executor/bench
guests=$root/sandbox-executor/src/test/resources/guests
# shellcheck source=../../bin/lib/java.sh
source "$root/bin/lib/java.sh"

die() {
  echo "service-bench.sh: $*" >&2
  exit 1
}
usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

build=true
if [[ ${1:-} == --no-build ]]; then
  build=false
  shift
fi
[[ $# -eq 1 ]] || usage
mode=$1
case $mode in deadline | warm | firstrun | all) ;; *) usage ;; esac

RUNS=${RUNS:-100}
DEADLINE_MS=${DEADLINE_MS:-100}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-15s}
CONCURRENCY=${CONCURRENCY:-1 2 4 8}
ENGINES=${ENGINES:-compiled interpreter}
FIRST_ROUNDS=${FIRST_ROUNDS:-3}
LATER_RUNS=${LATER_RUNS:-20}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
JAVA_OPTS=${JAVA_OPTS:-}

java=$(find_java) || die "needs Java 21 or newer: set JAVA_HOME or put java on PATH"
export JAVA_HOME=${java%/bin/java}

# Tools: Debian packages, installed when missing if we may.
need() { # command package
  command -v "$1" > /dev/null 2>&1 && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; then
    echo "== installing $2 (for $1)"
    apt-get install -y -q "$2" > /dev/null 2>&1 || { apt-get update -q > /dev/null 2>&1 && apt-get install -y -q "$2" > /dev/null 2>&1; } ||
      die "could not install $2"
  else
    die "needs $1 (Debian package $2)"
  fi
}
need curl curl
need jq jq
need python3 python3
need wat2wasm wabt
[[ $mode == deadline ]] || need hey hey

ds_jar=$root/decision-service/target/quarkus-app/quarkus-run.jar
ex_jar=$root/sandbox-executor/target/quarkus-app/quarkus-run.jar
stale() { # jar module... : missing or older than a source or pom of its modules (as run.sh)
  local jar=$1 m dirs=("$root/pom.xml")
  [[ ! -e $jar ]] && return 0
  for m in "${@:2}"; do dirs+=("$root/$m/src/main" "$root/$m/pom.xml"); done
  [[ -n $(find "${dirs[@]}" -newer "$jar" -print -quit) ]]
}
if $build && { stale "$ds_jar" policy-dsl decision-service || stale "$ex_jar" policy-dsl sandbox-executor; }; then
  echo "== building the services"
  (cd "$root" && ./mvnw -B -q ${MAVEN_ARGS:-} -pl policy-dsl,decision-service,sandbox-executor package -DskipTests) || die "the build failed"
fi
[[ -e $ds_jar && -e $ex_jar ]] || die "no jars: run without --no-build"

# Pinning: servers on SERVER_CPU, load generator on CLIENT_CPU, when taskset and two CPUs exist.
pinned=false
if command -v taskset > /dev/null 2>&1 && [[ $(nproc) -ge 2 ]]; then pinned=true; fi
server_pin=()
client_pin=()
hey_cpus=$(nproc)
pin() { # on|off
  if [[ $1 == on ]] && $pinned; then
    server_pin=(taskset -c "$SERVER_CPU")
    client_pin=(taskset -c "$CLIENT_CPU")
    hey_cpus=1
  else
    server_pin=()
    client_pin=()
    hey_cpus=$(nproc)
  fi
}
pin on

out=${OUT:-$bench/target/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out/wasm"
summary=$out/summary.txt
: > "$summary"
note() { echo "$*" | tee -a "$summary"; }

in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
free_port() {
  local p=$1
  while in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}
ds_port=$(free_port "${DECISION_PORT:-18181}")
ex_port=$(free_port "${EXECUTOR_PORT:-18282}")
[[ $ex_port == "$ds_port" ]] && ex_port=$(free_port $((ds_port + 1)))
ds=http://127.0.0.1:$ds_port
ex=http://127.0.0.1:$ex_port
ds_pid=
ex_pid=

stop_pid() {
  [[ -n $1 ]] || return 0
  kill "$1" 2> /dev/null || true
  wait "$1" 2> /dev/null || true
}
cleanup() {
  stop_pid "$ex_pid"
  stop_pid "$ds_pid"
}
trap cleanup EXIT

wait_up() { # name url pid log
  local i
  for i in $(seq 1 600); do
    curl -sf --max-time 2 "$2" > /dev/null 2>&1 && return 0
    kill -0 "$3" 2> /dev/null || { tail -n 40 "$4" >&2; die "$1 exited during start-up"; }
    sleep 0.1
  done
  tail -n 40 "$4" >&2
  die "$1 did not answer $2 within 60 s"
}

start_ds() { # label
  QUARKUS_HTTP_PORT=$ds_port QUARKUS_HTTP_HOST=127.0.0.1 VERDICT_POLICIES_DIR=$root/policies/sandbox \
    "${server_pin[@]}" "$java" @"$root/decision-service/jvm.options" $JAVA_OPTS -jar "$ds_jar" > "$out/decision-service-$1.log" 2>&1 &
  ds_pid=$!
  wait_up "decision service" "$ds/health" "$ds_pid" "$out/decision-service-$1.log"
}
stop_ds() {
  stop_pid "$ds_pid"
  ds_pid=
}
start_ex() { # engine label
  QUARKUS_HTTP_PORT=$ex_port QUARKUS_HTTP_HOST=127.0.0.1 VERDICT_DECISION_SERVICE_URL=$ds \
    VERDICT_SANDBOX_ENGINE=$1 VERDICT_SANDBOX_AUDIT_FILE=$out/audit-$2.jsonl \
    "${server_pin[@]}" "$java" @"$root/sandbox-executor/jvm.options" $JAVA_OPTS -jar "$ex_jar" > "$out/sandbox-executor-$2.log" 2>&1 &
  ex_pid=$!
  wait_up "sandbox executor" "$ex/q/metrics" "$ex_pid" "$out/sandbox-executor-$2.log"
}
stop_ex() {
  stop_pid "$ex_pid"
  ex_pid=
}

# Guests: the test suite's WAT sources, plus two loops around host calls written here.
cat > "$out/wasm/fd_write_loop.wat" << 'EOF'
;; Hostile: writes one byte to stdout through WASI, forever (the output budget is soon spent).
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 16) "x")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 1))
    (loop $l
      (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
      (br $l))))
EOF
cat > "$out/wasm/loop_call.wat" << 'EOF'
;; Hostile: an infinite loop whose body is a call to a small function.
(module
  (global $g (mut i32) (i32.const 0))
  (func $tick (global.set $g (i32.add (global.get $g) (i32.const 1))))
  (func (export "_start") (loop $l (call $tick) (br $l))))
EOF
SHAPES="loop_br loop_br_if loop_br_table start_loop sleep_loop fd_write_loop loop_call"
for g in hello loop_br loop_br_if loop_br_table start_loop sleep_loop; do
  wat2wasm "$guests/$g.wat" -o "$out/wasm/$g.wasm"
done
for g in fd_write_loop loop_call; do wat2wasm "$out/wasm/$g.wat" -o "$out/wasm/$g.wasm"; done

put() { # name file → prints HTTP code
  curl -s -o "$out/last-put.json" -w '%{http_code}' --max-time 120 -X PUT \
    -H 'Content-Type: application/wasm' --data-binary "@$2" "$ex/v1/modules/$1"
}
put_ok() {
  local code
  code=$(put "$1" "$2")
  [[ $code == 200 ]] || die "PUT $1 answered $code: $(cat "$out/last-put.json")"
}
exec_body() { # module [timeout_ms] → request JSON
  if [[ -n ${2:-} ]]; then
    printf '{"module": "%s", "subject": {"id": "alice", "tenant": "acme"}, "limits": {"timeout_ms": %s, "output_bytes": 64}}' "$1" "$2"
  else
    printf '{"module": "%s", "subject": {"id": "alice", "tenant": "acme"}}' "$1"
  fi
}
# POST one execution; the body to $2, prints the client's wall time in ms.
execute() { # request-json body-file
  curl -s -o "$2" -w '%{time_total}' --max-time 60 -X POST -H 'Content-Type: application/json' \
    --data-binary "$1" "$ex/v1/executions" | awk '{printf "%.2f", $1 * 1000}'
}
metric() { # name-regex → sum of matching samples on /q/metrics
  curl -s --max-time 5 "$ex/q/metrics" | awk -v re="$1" '$0 !~ /^#/ && $1 ~ re {s += $2} END {printf "%d", s}'
}
# Percentiles by nearest rank over the numbers in column $2 of $1 (rows matching awk filter $3).
pct() { # file column filter → "p50 p99 max n"
  awk -F'\t' "$3 {print \$$2}" "$1" | sort -g | awk '{v[NR] = $1}
    END {
      if (NR == 0) { print "- - - 0"; exit }
      i50 = int(0.50 * NR + 0.999999); i99 = int(0.99 * NR + 0.999999)
      printf "%s %s %s %d\n", v[i50], v[i99], v[NR], NR
    }'
}

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)" | tee -a "$summary"
note "== commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)'), $("$java" -version 2>&1 | head -n 1), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
if $pinned; then note "== servers pinned to CPU $SERVER_CPU, load generator to CPU $CLIENT_CPU (taskset)"; else note "== not pinned (no taskset or one CPU)"; fi
note "== results in $out"

# A first hello run that succeeds (a cold service may answer the first ones 503: decision timeout).
hello_runs() { # request-file
  local i
  for i in $(seq 1 20); do
    execute "$(cat "$1")" "$out/body.json" > /dev/null
    jq -e '.status == "ok"' "$out/body.json" > /dev/null 2>&1 && return 0
    echo "   (hello: $(cut -c1-200 "$out/body.json"))"
    sleep 0.5
  done
  die "hello did not run: $(cat "$out/body.json")"
}

# ---------------------------------------------------------------------------------------------
deadline() {
  local tsv=$out/deadline.tsv engine shape i req ms dur status
  printf 'engine\tshape\trun\tstatus\tduration_ms\tclient_ms\tover_server_ms\tover_client_ms\n' > "$tsv"
  start_ds deadline
  for engine in $ENGINES; do
    start_ex "$engine" "deadline-$engine"
    for shape in $SHAPES; do put_ok "$shape" "$out/wasm/$shape.wasm"; done
    put_ok hello "$out/wasm/hello.wasm"
    exec_body hello > "$out/hello-request.json"
    hello_runs "$out/hello-request.json"
    echo "-- deadline, $engine engine: $RUNS runs per shape, timeout_ms=$DEADLINE_MS"
    for shape in $SHAPES; do
      req=$(exec_body "$shape" "$DEADLINE_MS")
      for i in 1 2 3 4 5; do execute "$req" "$out/body.json" > /dev/null; done
      for i in $(seq 1 "$RUNS"); do
        ms=$(execute "$req" "$out/body.json")
        read -r status dur < <(jq -r '"\(.status) \(.duration_ms)"' "$out/body.json")
        printf '%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n' "$engine" "$shape" "$i" "$status" "$dur" "$ms" \
          "$((dur - DEADLINE_MS))" "$(awk -v c="$ms" -v d="$DEADLINE_MS" 'BEGIN {printf "%.2f", c - d}')" >> "$tsv"
      done
      printf '   %-14s done (%s)\n' "$shape" "$(awk -F'\t' -v e="$engine" -v s="$shape" '$1 == e && $2 == s {n[$4]++} END {for (k in n) printf "%s %d ", k, n[k]}' "$tsv")"
    done
    stop_ex
  done
  stop_ds
  {
    echo
    echo "Deadlines: overshoot past timeout_ms=$DEADLINE_MS in ms over $RUNS runs (target p99 <= 20 ms); server = duration_ms - deadline, client = curl wall time - deadline"
    printf '%-12s %-14s %-20s %22s %28s\n' engine shape "ended as" "server p50/p99/max" "client p50/p99/max"
    for engine in $ENGINES; do
      for shape in $SHAPES; do
        local f="\$1 == \"$engine\" && \$2 == \"$shape\""
        read -r s50 s99 smax n < <(pct "$tsv" 7 "$f")
        read -r c50 c99 cmax _ < <(pct "$tsv" 8 "$f")
        local ended
        ended=$(awk -F'\t' "$f {n[\$4]++} END {for (k in n) printf \"%s%s:%d\", (c++ ? \",\" : \"\"), k, n[k]}" "$tsv")
        printf '%-12s %-14s %-20s %22s %28s\n' "$engine" "$shape" "$ended" "$s50 / $s99 / $smax" "$c50 / $c99 / $cmax"
      done
    done
  } | tee -a "$summary"
}

# ---------------------------------------------------------------------------------------------
# hey against URL with body file at concurrency c for DURATION; prints "rps p50_ms p99_ms non2xx".
hey_run() { # name url body c duration
  local f=$out/hey-$1.txt
  timeout 120 "${client_pin[@]}" hey -cpus "$hey_cpus" -z "$5" -c "$4" -m POST -T application/json -D "$3" "$2" > "$f" 2>&1 || true
  awk '
    /Requests\/sec:/ {rps = $2}
    /^  50% in/ {p50 = $3 * 1000}
    /^  99% in/ {p99 = $3 * 1000}
    /^  \[[0-9]+\]/ {code = substr($1, 2, 3); if (code !~ /^2/) bad += $2}
    /^\[[0-9]+\]|Error distribution/ {err = 1}
    END {printf "%.0f %.2f %.2f %d%s\n", rps, p50, p99, bad, (err ? "+errors" : "")}' "$f"
}

warm_phase() { # label (pinned|unpinned) engines
  local label=$1 engines=$2 engine c r
  start_ds "warm-$label"
  # The decision alone first, once warmed, so every executor after it meets a warm decision service.
  # Its input is the one the executor sends for hello (module hash of hello.wasm).
  printf '{"input": {"subject": {"id": "alice", "tenant": "acme"}, "module": {"name": "hello", "sha256": "%s", "imports": [{"module": "wasi_snapshot_preview1", "name": "fd_write"}]}, "requested_capabilities": [], "requested_limits": {"fuel": null, "timeout_ms": null, "memory_pages": null, "output_bytes": null}}}' \
    "$(sha256sum "$out/wasm/hello.wasm" | cut -d' ' -f1)" > "$out/decision-request.json"
  echo "-- warm ($label): decision service alone, warming up $WARMUP"
  hey_run "warmup-$label-decision" "$ds/v1/decisions/sandbox/execution" "$out/decision-request.json" 4 "$WARMUP" > /dev/null
  for c in $CONCURRENCY; do
    r=$(hey_run "decision-$label-c$c" "$ds/v1/decisions/sandbox/execution" "$out/decision-request.json" "$c" "$DURATION")
    printf '%s\t%s\t%s\t%s\n' "$label" "decision alone" "$c" "$r" | tee -a "$out/warm.tsv"
  done
  for engine in $engines; do
    start_ex "$engine" "warm-$label-$engine"
    put_ok hello "$out/wasm/hello.wasm"
    exec_body hello > "$out/hello-request.json"
    hello_runs "$out/hello-request.json"
    echo "-- warm ($label, $engine): warming up $WARMUP"
    hey_run "warmup-$label-$engine" "$ex/v1/executions" "$out/hello-request.json" 4 "$WARMUP" > /dev/null
    for c in $CONCURRENCY; do
      r=$(hey_run "exec-$label-$engine-c$c" "$ex/v1/executions" "$out/hello-request.json" "$c" "$DURATION")
      printf '%s\t%s\t%s\t%s\n' "$label" "executor $engine" "$c" "$r" | tee -a "$out/warm.tsv"
    done
    stop_ex
  done
  stop_ds
}

warm() {
  : > "$out/warm.tsv"
  pin on
  warm_phase pinned "$ENGINES"
  if $pinned; then
    pin off
    warm_phase unpinned compiled
    pin on
  fi
  {
    echo
    echo "Warm hello-world: POST /v1/executions (decision round trip included) and the decision alone, hey -z $DURATION per row (target: executor median < 5 ms at concurrency 1)"
    printf '%-9s %-22s %5s %12s %10s %10s %8s\n' cpus what conc "req/s" "p50 ms" "p99 ms" "non-2xx"
    while IFS=$'\t' read -r label what c r; do
      read -r rps p50 p99 bad <<< "$r"
      printf '%-9s %-22s %5s %12s %10s %10s %8s\n' "$label" "$what" "$c" "$rps" "$p50" "$p99" "$bad"
    done < "$out/warm.tsv"
  } | tee -a "$summary"
}

# ---------------------------------------------------------------------------------------------
# LATER_RUNS executions of module $1, client wall times (ms) one a line into $2.
later_runs() {
  local i
  : > "$2"
  for i in $(seq 1 "$LATER_RUNS"); do
    execute "$(exec_body "$1")" "$out/body.json" >> "$2"
    echo >> "$2"
    [[ $(jq -r .status "$out/body.json") == ok ]] || echo "   (later run of $1: $(cut -c1-300 "$out/body.json"))"
  done
}
median_of() { sort -g "$1" | awk '{v[NR] = $1} END {printf "%s", NR ? v[int(0.5 * NR + 0.999999)] : "-"}'; }

firstrun() {
  local tsv=$out/firstrun.tsv engine round seed name size put_ms first_ms status t0 t1 code
  local hit0 miss0 hit1 miss1 c0 c1 i0 i1 n0 later_i later_c compile_s waited
  printf 'engine\tround\tsize\tput_ms\tfirst_ms\tfirst_engine\tlater_ms\tlater_engines\tcompile_s\tcompiled_ms\thits\tmisses\n' > "$tsv"
  start_ds firstrun
  for engine in $ENGINES; do
    start_ex "$engine" "firstrun-$engine"
    put_ok hello "$out/wasm/hello.wasm"
    exec_body hello > "$out/hello-request.json"
    hello_runs "$out/hello-request.json"
    for i in $(seq 1 200); do execute "$(exec_body hello)" "$out/body.json" > /dev/null; done
    echo "-- first run, $engine engine (executor warmed with 200 hello runs)"
    for round in $(seq 1 "$FIRST_ROUNDS"); do
      seed=$(( $(date +%s%N) % 1000000007 ))
      name=big-$engine-$round
      python3 "$bench/service_bench_gen.py" "$seed" > "$out/wasm/$name.wat"
      wat2wasm "$out/wasm/$name.wat" -o "$out/wasm/$name.wasm"
      size=$(stat -c %s "$out/wasm/$name.wasm")
      curl -s --max-time 5 "$ex/q/metrics" > "$out/metrics-before.txt"
      hit0=$(metric 'cache_gets_total.*verdict_sandbox_modules.*result="hit"')
      miss0=$(metric 'cache_gets_total.*verdict_sandbox_modules.*result="miss"')
      n0=$(metric '^verdict_sandbox_compile_duration_seconds_count')
      c0=$(metric 'verdict_sandbox_runs_total.*compiled')
      i0=$(metric 'verdict_sandbox_runs_total.*interpreter')
      t0=$(date +%s%N)
      code=$(put "$name" "$out/wasm/$name.wasm")
      t1=$(date +%s%N)
      put_ms=$(( (t1 - t0) / 1000000 ))
      [[ $code == 200 ]] || die "PUT $name answered $code: $(cat "$out/last-put.json")"
      first_ms=$(execute "$(exec_body "$name")" "$out/body.json")
      status=$(jq -r .status "$out/body.json")
      [[ $(jq -r .stdout "$out/body.json") == "big ok" ]] || echo "   (first run of $name: $(cut -c1-300 "$out/body.json"))"
      c1=$(metric 'verdict_sandbox_runs_total.*compiled')
      local first_engine=interpreter
      (( c1 > c0 )) && first_engine=compiled
      c0=$c1
      i0=$(metric 'verdict_sandbox_runs_total.*interpreter')
      # Right after: runs while the background compilation (compiled engine) may still be going.
      later_runs "$name" "$out/later-$name.txt"
      later_i=$(median_of "$out/later-$name.txt")
      c1=$(metric 'verdict_sandbox_runs_total.*compiled')
      i1=$(metric 'verdict_sandbox_runs_total.*interpreter')
      local engines_i="$((c1 - c0)) compiled/$((i1 - i0)) interp"
      # Then, once compiled (bounded wait), the same again.
      compile_s=-
      later_c=-
      if [[ $engine == compiled ]] && grep -q '^verdict_sandbox_compile_duration_seconds_count' "$out/metrics-before.txt"; then
        waited=0
        while (( $(metric '^verdict_sandbox_compile_duration_seconds_count') <= n0 && waited < 1200 )); do
          sleep 0.1
          waited=$((waited + 1))
        done
        compile_s=$(curl -s --max-time 5 "$ex/q/metrics" | awk -v b="$(awk '$1 == "verdict_sandbox_compile_duration_seconds_sum" {print $2}' "$out/metrics-before.txt")" \
          '$1 == "verdict_sandbox_compile_duration_seconds_sum" {printf "%.2f", $2 - (b == "" ? 0 : b)}')
        c0=$(metric 'verdict_sandbox_runs_total.*compiled')
        later_runs "$name" "$out/later-compiled-$name.txt"
        later_c=$(median_of "$out/later-compiled-$name.txt")
        c1=$(metric 'verdict_sandbox_runs_total.*compiled')
        engines_i="$engines_i, then $((c1 - c0))/$LATER_RUNS compiled"
      fi
      hit1=$(metric 'cache_gets_total.*verdict_sandbox_modules.*result="hit"')
      miss1=$(metric 'cache_gets_total.*verdict_sandbox_modules.*result="miss"')
      printf '%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n' "$engine" "$round" "$size" "$put_ms" "$first_ms" \
        "$first_engine" "$later_i" "$engines_i" "$compile_s" "$later_c" $((hit1 - hit0)) $((miss1 - miss0)) >> "$tsv"
      printf '   round %d: %s bytes, PUT %s ms, first execution %s ms (%s, %s); later p50 %s ms (%s); compile %s s; compiled p50 %s ms; cache +%d hits +%d misses\n' \
        "$round" "$size" "$put_ms" "$first_ms" "$status" "$first_engine" "$later_i" "$engines_i" "$compile_s" "$later_c" \
        $((hit1 - hit0)) $((miss1 - miss0))
      curl -s -o /dev/null --max-time 10 -X DELETE "$ex/v1/modules/$name"
    done
    curl -s --max-time 5 "$ex/q/metrics" > "$out/metrics-firstrun-$engine.txt"
    stop_ex
  done
  stop_ds
  {
    echo
    echo "First run of a new ~1 MiB module (fresh bytes each round; target: PUT + first execution < 2 s; later executions hit the cache)"
    printf '%-11s %3s %8s %7s %7s %9s %-8s %8s %-34s %8s %8s %10s\n' engine rnd bytes "PUT ms" "1st ms" "PUT+1st" "1st ran" \
      "later" "later ran as" "compile" "compiled" "cache h/m"
    awk -F'\t' 'NR > 1 {printf "%-11s %3s %8s %7s %7.0f %9.0f %-8s %8s %-34s %8s %8s %10s\n", $1, $2, $3, $4, $5, $4 + $5, substr($6, 1, 8), $7, $8, $9 == "-" ? "-" : $9 " s", $10, "+" $11 "/+" $12}' "$tsv"
    echo "(ms: client wall time; later: median of $LATER_RUNS runs right after the first; compile: background compilation time"
    echo " (verdict_sandbox_compile_duration_seconds); compiled: median of $LATER_RUNS runs once it finished; cache h/m: change of"
    echo " cache_gets_total{cache=\"verdict_sandbox_modules\"} hit/miss over the round: the PUT prepares (1 miss), every run after hits)"
  } | tee -a "$summary"
}

case $mode in
  deadline) deadline ;;
  warm) warm ;;
  firstrun) firstrun ;;
  all)
    deadline
    warm
    firstrun
    ;;
esac
echo
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)" | tee -a "$summary"
echo "== summary: $summary"
