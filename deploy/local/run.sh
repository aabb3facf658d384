#!/usr/bin/env bash
# One command to see Verdict work: builds the two services if needed, starts the decision service
# (serving policies/sandbox) and the sandbox executor on localhost, waits until both are healthy,
# and runs a short session with curl: upload a module, run it as a trusted and as an untrusted
# subject, show the decisions and the audit records. Both services stop when this script exits;
# with --serve they keep running until Ctrl-C. Needs a JDK 21 or newer (JAVA_HOME, java on PATH,
# or under /usr/lib/jvm); curl is used when present, else deploy/local/Http.java. Ports:
# DECISION_PORT (8181) and EXECUTOR_PORT (8282), the next free ones when taken. Extra Maven flags
# go in MAVEN_ARGS (e.g. MAVEN_ARGS=-o).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$root/deploy/local
# shellcheck source=../../bin/lib/java.sh
source "$root/bin/lib/java.sh"

die() {
  echo "run.sh: $*" >&2
  exit 1
}

java=$(find_java) || die "needs Java 21 or newer: set JAVA_HOME or put java on PATH"
export JAVA_HOME=${java%/bin/java}
serve=false
[[ ${1:-} == --serve ]] && serve=true

ds_jar=$root/decision-service/target/quarkus-app/quarkus-run.jar
ex_jar=$root/sandbox-executor/target/quarkus-app/quarkus-run.jar

# A jar is rebuilt when missing or older than a source or pom of the modules it is made of ($2…).
stale() {
  local jar=$1 m dirs=("$root/pom.xml")
  [[ ! -e $jar ]] && return 0
  for m in "${@:2}"; do dirs+=("$root/$m/src/main" "$root/$m/pom.xml"); done
  [[ -n $(find "${dirs[@]}" -newer "$jar" -print -quit) ]]
}

if stale "$ds_jar" policy-dsl decision-service || stale "$ex_jar" policy-dsl sandbox-executor; then
  echo "== building the services (a few minutes the first time)"
  (cd "$root" && ./mvnw -B -q -pl policy-dsl,decision-service,sandbox-executor package -DskipTests) || die "the build failed"
fi

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p=$1
  while in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

ds_port=$(free_port "${DECISION_PORT:-8181}")
ex_port=$(free_port "${EXECUTOR_PORT:-8282}")
[[ $ex_port == "$ds_port" ]] && ex_port=$(free_port $((ds_port + 1)))
work=$(mktemp -d "${TMPDIR:-/tmp}/verdict-local.XXXXXX")
pids=()

stop() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "== stopped; logs and audit file were in $work"
}
trap stop EXIT

# policies/sandbox alone: a whole-directory load places each data.json by its directory, and the
# sandbox policy reads data.sandbox_trust from the root of its own directory.
QUARKUS_HTTP_PORT=$ds_port VERDICT_POLICIES_DIR=$root/policies/sandbox \
  "$java" @"$root/decision-service/jvm.options" -jar "$ds_jar" >"$work/decision-service.log" 2>&1 &
pids+=($!)
QUARKUS_HTTP_PORT=$ex_port VERDICT_DECISION_SERVICE_URL=http://localhost:$ds_port \
  VERDICT_SANDBOX_AUDIT_FILE=$work/audit.jsonl \
  "$java" @"$root/sandbox-executor/jvm.options" -jar "$ex_jar" >"$work/sandbox-executor.log" 2>&1 &
pids+=($!)

# METHOD URL [BODY|@FILE]: prints the answer, then [HTTP code]; fails unless 2xx.
http() {
  if command -v curl >/dev/null 2>&1; then
    local type=application/json
    [[ ${3:-} == @* ]] && type=application/octet-stream
    curl -s -X "$1" -H "Content-Type: $type" ${3:+--data-binary "$3"} -w '\n[HTTP %{http_code}]\n' "$2" | tee "$work/last"
    [[ $(tail -n 1 "$work/last") == "[HTTP 2"* ]]
  else
    "$java" "$here/Http.java" "$@"
  fi
}

# $1 name, $2 URL that answers 200 once the service is up, $3 its log.
wait_healthy() {
  local i
  for i in $(seq 1 120); do
    http GET "$2" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$3" >&2
  die "$1 did not become healthy at $2"
}
wait_healthy "decision service" "http://localhost:$ds_port/health" "$work/decision-service.log"
wait_healthy "sandbox executor" "http://localhost:$ex_port/q/metrics" "$work/sandbox-executor.log"

ds=http://localhost:$ds_port
ex=http://localhost:$ex_port
echo "== decision service: $ds   (policies/sandbox; health $ds/health)"
echo "== sandbox executor: $ex   (asks $ds; metrics $ex/q/metrics)"

# METHOD URL [BODY|@FILE]: prints the request as a curl command, then the answer and HTTP status.
show() {
  echo
  echo "\$ curl -X $1 '$2'${3:+ --data-binary '$3'}"
  http "$@" || true
}

echo
echo "-- upload deploy/local/hello.wasm (stdout through WASI, a line through the host's verdict.log)"
show PUT "$ex/v1/modules/hello" "@$here/hello.wasm"

run() {
  show POST "$ex/v1/executions" "{\"module\": \"hello\", \"subject\": $1, \"limits\": {\"timeout_ms\": 500}}"
}
echo
echo "-- bob is trusted (policies/sandbox/data.json): host.log is granted, the run succeeds"
run '{"id": "bob", "tenant": "acme"}'
echo
echo "-- a stranger is untrusted: no capabilities, so importing verdict.log is refused (403)"
run '{"id": "stranger"}'

decide() {
  show POST "$ds/v1/decisions/sandbox/execution?pretty=true" "{\"input\": {\"subject\": $1, \"module\": {\"name\": \"hello\", \"imports\": []}, \"requested_capabilities\": [\"host.log\"], \"requested_limits\": {}}}"
}
echo
echo "-- the decisions behind those runs, asked of the decision service directly"
decide '{"id": "bob", "tenant": "acme"}'
decide '{"id": "stranger"}'

echo
echo "-- audit records ($work/audit.jsonl), one JSON line per execution"
cat "$work/audit.jsonl"

if $serve; then
  echo
  echo "== serving until Ctrl-C"
  wait
fi
