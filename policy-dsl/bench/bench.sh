#!/usr/bin/env bash
# Builds and runs Verdict's benchmarks with bounded time, then prints a compact table.
#
#   policy-dsl/bench/bench.sh [--quick] [--no-build] rbac|scaling|footprint|builtins|all [more JMH or Footprint args]
#
#   --quick     short runs while developing (1 fork, 2 x 1 s warm-up, 3 x 1 s measurement)
#   --no-build  reuse policy-dsl/bench/target/benchmarks.jar
#
# Full runs use 2 forks, 5 x 2 s warm-up and 5 x 2 s measurement per benchmark. Raw JMH output and
# JSON go to policy-dsl/bench/target/results/. Exit status: non-zero when a benchmark failed (its
# setup checks every answer), the run timed out, or a footprint budget was exceeded.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$here/target/benchmarks.jar"
results="$here/target/results"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

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
  rbac|scaling|footprint|builtins|all) ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac

if [[ $build == 1 || ! -f $jar ]]; then
  echo "== building $jar"
  (cd "$root" && ./mvnw -B -q -Pbench -pl policy-dsl/bench -am package -DskipTests)
fi
mkdir -p "$results"

if [[ $quick == 1 ]]; then
  jmh_opts=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
  limit=900
else
  jmh_opts=(-f 2 -wi 5 -i 5 -w 2s -r 2s)
  limit=3600
fi

# run_jmh NAME CLASS [args]: one JMH run, bounded by $limit seconds, then its table.
run_jmh() {
  local name="$1" class="$2"
  shift 2
  local stamp json log status=0
  stamp="$(date +%Y%m%d-%H%M%S)"
  json="$results/$name-$stamp.json"
  log="$results/$name-$stamp.log"
  echo "== $name: java -jar benchmarks.jar $class ${jmh_opts[*]} $* (at most ${limit}s)"
  timeout -k 10 "$limit" "$java" -jar "$jar" "$class" "${jmh_opts[@]}" -rf json -rff "$json" "$@" \
    > "$log" 2>&1 || status=$?
  grep -E '^# (Benchmark|Parameters):|<failure>' "$log" | sed 's/^/   /' || true
  [[ $status == 124 ]] && echo "!! $name stopped after ${limit}s"
  "$java" -cp "$jar" dev.verdict.bench.Report "$json" "$log" || status=$?
  echo "   (raw output: $log)"
  return "$status"
}

run_footprint() {
  echo "== footprint: compile time and retained heap (at most ${limit}s)"
  timeout -k 10 "$limit" "$java" -Xms4g -Xmx4g -cp "$jar" dev.verdict.bench.scaling.Footprint "$@"
}

status=0
case "$what" in
  rbac) run_jmh rbac RbacBench "$@" || status=$? ;;
  scaling) run_jmh scaling ScalingBench "$@" || status=$? ;;
  builtins) run_jmh builtins BuiltinsBench "$@" || status=$? ;;
  footprint) run_footprint "$@" || status=$? ;;
  all)
    run_jmh rbac RbacBench || status=$?
    run_jmh scaling ScalingBench || status=$?
    run_footprint || status=$?
    ;;
esac
exit "$status"
