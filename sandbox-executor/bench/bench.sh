#!/usr/bin/env bash
# Figure 1: CPU-bound C guests (sha256, sieve) in Chicory's compiled engine with and without
# Verdict's fuel, side by side with Node's WebAssembly (node:wasi) on the same .wasm files.
#
#   sandbox-executor/bench/bench.sh [--quick] [--no-build] cpu [more PairedBench options]
#   sandbox-executor/bench/bench.sh [--no-build] jmh [JMH options, instead of -f 2 -wi 4 -i 5 -w 2s -r 2s]
#
#   cpu         the figure: PairedBench takes turns between a warm Node process and the Java
#               variants, one run each per round in a shuffled order, over several compiled copies
#               of each variant, and prints the medians of the per-round ratios (about 5 minutes;
#               --quick: about 1 minute, for development)
#   jmh         CpuBench under JMH, one variant per fork (distributions, profilers; about 10 minutes)
#   --no-build  reuse sandbox-executor/bench/target/benchmarks.jar and the guests in it
#
# Every JVM runs with the executor's own flags (sandbox-executor/jvm.options). Each step has a time
# limit. Raw output goes to sandbox-executor/bench/target/results/STAMP/. Exit status non-zero when
# a step failed (a wrong answer fails it) or timed out. Environment: NODE (default node), JAVA_HOME.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$here/target/benchmarks.jar"
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
  cpu|jmh) ;;
  *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac

if [[ $build == 1 || ! -f $jar ]]; then
  echo "== building $jar (and the guests, with guests/build.sh)"
  (cd "$root" && ./mvnw -B -q -Pbench -pl sandbox-executor,sandbox-executor/bench -am package -DskipTests)
fi
out="$here/target/results/$what-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

# The executor's own JVM flags: without -XX:-DontCompileHugeMethods the guests' larger compiled
# functions (over 8,000 bytes of bytecode) would stay in the JVM's interpreter.
executor_flags=$(grep -v '^[[:space:]]*#' "$root/sandbox-executor/jvm.options" | xargs)

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
status=0
case "$what" in
  cpu)
    command -v "$node" >/dev/null 2>&1 || { echo "bench.sh: $node not found (Node 20+ with node:wasi; set NODE)" >&2; exit 1; }
    echo "== $("$java" -version 2>&1 | head -1); node $("$node" --version); $(nproc) cores"
    if [[ $quick == 1 ]]; then
      rounds=(--rounds 24 --copies 2 --warmup 5)
    else
      rounds=(--rounds 96 --copies 4 --warmup 10)
    fi
    # shellcheck disable=SC2086  # the flags are words
    timeout -k 10 1200 "$java" -Xms1g -Xmx1g $executor_flags -cp "$jar" dev.verdict.sandbox.bench.PairedBench \
      --node "$node" --script "$here/src/main/node/wasi-bench.mjs" --guests "$here/target/classes/guests/c" \
      --out "$out" "${rounds[@]}" "$@" sha256 sieve 2>&1 | tee "$out/figure1.md" || status=$?
    ;;
  jmh)
    # options given after "jmh" replace these
    jmh_opts=(-f 2 -wi 4 -i 5 -w 2s -r 2s)
    [[ $# -gt 0 ]] && jmh_opts=("$@")
    timeout -k 10 1800 "$java" -jar "$jar" CpuBench "${jmh_opts[@]}" -jvmArgsAppend "$executor_flags" \
      -rf json -rff "$out/jmh.json" 2>&1 | tee "$out/jmh.log" || status=$?
    ;;
esac
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uptime)"
echo "   (raw output: $out)"
exit "$status"
