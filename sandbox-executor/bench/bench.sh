#!/usr/bin/env bash
# Figure 1: CPU-bound C guests (sha256, sieve) in Chicory's compiled engine with and without
# Verdict's fuel, side by side with Node's WebAssembly (node:wasi) on the same .wasm files.
#
#   sandbox-executor/bench/bench.sh [--quick] [--no-build] cpu [more JMH args]
#
#   --quick     short run while developing (about 5 minutes): 1 pass (Node 5 warm-up + 15 timed
#               runs per workload; JMH 1 fork, 3 x 2 s warm-up, 4 x 2 s measurement)
#   --no-build  reuse sandbox-executor/bench/target/benchmarks.jar and the guests in it
#
# A full run (about 30 minutes) makes 2 passes, each Node (10 warm-up + 21 timed runs per
# workload) then JMH (3 forks, 4 x 2 s warm-up, 5 x 2 s measurement per benchmark and fork), and
# ends with a third Node pass; medians pool every pass and fork, so that a change of load during
# the run, and the JIT's fork-to-fork variation, weigh on every engine alike. Each step has a time
# limit. Raw output goes to sandbox-executor/bench/target/results/cpu-STAMP/. Exit status
# non-zero when a step failed (a wrong answer fails it), timed out, or left a workload without figures.
# Environment: NODE (default node), JAVA_HOME.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$here/target/benchmarks.jar"
guests="$here/target/classes/guests/c"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
node="${NODE:-node}"

quick=0
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --no-build) build=0; shift ;;
    *) break ;;
  esac
done
what="${1:-}"
[[ $# -gt 0 ]] && shift
case "$what" in
  cpu) ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac

command -v "$node" >/dev/null 2>&1 || { echo "bench.sh: $node not found (Node 20+ with node:wasi; set NODE)" >&2; exit 1; }
if [[ $build == 1 || ! -f $jar ]]; then
  echo "== building $jar (and the guests, with guests/build.sh)"
  (cd "$root" && ./mvnw -B -q -Pbench -pl sandbox-executor,sandbox-executor/bench -am package -DskipTests)
fi

if [[ $quick == 1 ]]; then
  passes=1; node_warmup=5; node_runs=15
  jmh_opts=(-f 1 -wi 3 -i 4 -w 2s -r 2s)
else
  passes=2; node_warmup=10; node_runs=21
  jmh_opts=(-f 3 -wi 4 -i 5 -w 2s -r 2s)
fi
out="$here/target/results/cpu-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
echo "== $("$java" -version 2>&1 | head -1); node $("$node" --version); $(nproc) cores"

status=0
# node_pass PASS: each workload under Node, its output checked against the one Java computes.
node_pass() {
  local pass="$1" g args expected log
  for g in sha256 sieve; do
    { read -r args; IFS= read -r expected; } < <("$java" -cp "$jar" dev.verdict.sandbox.bench.Workloads "$g")
    log="$out/node-$g-$pass.log"
    # shellcheck disable=SC2086  # the arguments are words
    if ! timeout -k 5 300 "$node" "$here/src/main/node/wasi-bench.mjs" "$guests/$g.wasm" "$node_warmup" "$node_runs" $args > "$log" 2>&1; then
      echo "!! node $g failed or timed out: $log"; status=1; continue
    fi
    if ! grep -qxF "stdout: $expected" "$log"; then
      echo "!! node $g printed $(grep '^stdout:' "$log"), expected $expected"; status=1
    fi
    echo "   node $g $args: $(tail -1 "$log")"
  done
}

# The forks run with the executor's own JVM flags: without -XX:-DontCompileHugeMethods the guests'
# larger compiled functions (over 8,000 bytes of bytecode) stay in the JVM's interpreter, which is
# not what the executor does (sieve, uninstrumented: 183 -> 112 ms in one fork each, 18:05 UTC).
executor_flags=$(grep -v '^[[:space:]]*#' "$root/sandbox-executor/jvm.options" | xargs)

# jmh_pass PASS: CpuBench, all four variants for both workloads.
jmh_pass() {
  local pass="$1" log="$out/jmh-$1.log" code=0
  echo "== pass $pass: JMH CpuBench ${jmh_opts[*]} ${*:2} (at most 1800 s)"
  timeout -k 10 1800 "$java" -jar "$jar" CpuBench "${jmh_opts[@]}" -jvmArgsAppend "$executor_flags" \
    -rf json -rff "$out/jmh-$pass.json" "${@:2}" > "$log" 2>&1 || code=$?
  grep -E '^# (sha256|sieve) .*fuel per run' "$log" | sort -u | sed 's/^/   /' || true
  grep -E '^CpuBench\.[A-Za-z]+ ' "$log" | sed 's/^/   /' || true
  if [[ $code != 0 ]] || grep -q '<failure>' "$log"; then
    echo "!! JMH failed (exit $code): $log"; status=1
  fi
}

for ((p = 1; p <= passes; p++)); do
  echo "== pass $p: Node ($node_warmup warm-up + $node_runs timed runs each)"
  node_pass "$p"
  jmh_pass "$p" "$@"
done
if [[ $quick == 0 ]]; then
  echo "== pass $((passes + 1)): Node"
  node_pass "$((passes + 1))"
fi

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
echo
"$node" "$here/src/main/node/report.mjs" "$out" | tee "$out/figure1.md" || status=$?
echo "   (raw output: $out)"
exit "$status"
