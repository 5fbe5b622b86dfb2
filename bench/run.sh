#!/usr/bin/env bash
# Benchmarks the toolkit side by side with what users would pick instead, on this machine, in one
# run, and writes bench/RESULTS.md. Run by hand on a quiet machine (it is not part of .ci/run):
#
#   bench/run.sh                    # everything, ~35 minutes; writes bench/RESULTS.md
#   bench/run.sh --quick            # short runs, to check the script; writes bench/out/RESULTS.md only
#   bench/run.sh http scale         # some sections only; writes bench/out/RESULTS.md only
#   bench/run.sh durability slow    # also replaces these sections' marked blocks in bench/RESULTS.md
#   bench/run.sh --no-build ...     # reuse the jars already in target/
#   MOCK_JAVA_OPTS=-Xmx256m bench/run.sh ...   # JVM options for the mock server (default none)
#
# Sections: http (mock server vs Prism, WireMock, json-server and nginx), startup (mock server jar to first answer),
# scale (100,000 opportunities), suite (conformance suite), client (JMH: facade vs raw OkHttp),
# durability (creates/s on a file H2, commits written before the answer or not), slow (reads and
# creates while 50 slow-body and 200 slow-header clients are connected), features (the mock server
# with CORS, Prefer and faults off, as shipped, and in use, in turns).
# Installs what is missing: wrk, nginx, curl (Debian), Prism (npm ci in api/), json-server (npm ci in
# bench/peers/), WireMock standalone (Maven Central, into bench/peers/target/). Start-up and suite
# times come from loops that time-stamp the first answer and the first request, which a whole-command
# timer (hyperfine) cannot see.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/out"
SPEC="$ROOT/api/src/main/resources/openapi.yaml"
MOCK_JAR="$ROOT/mock-server/target/mock-server.jar"
SUITE_JAR="$ROOT/contract-tests/target/conformance.jar"
JMH_JAR="$BENCH/client-jmh/target/benchmarks.jar"
PRISM="$ROOT/api/node_modules/.bin/prism"
# The peers that store state or stubs (section 1): WireMock standalone (version from the parent pom)
# and json-server (pinned in bench/peers/package.json).
PEERS="$BENCH/peers"
WIREMOCK_VERSION=$(sed -n 's:.*<wiremock-standalone.version>\(.*\)</wiremock-standalone.version>.*:\1:p' "$ROOT/pom.xml")
WIREMOCK_JAR="$PEERS/target/wiremock-standalone-$WIREMOCK_VERSION.jar"
JSON_SERVER="$PEERS/node_modules/.bin/json-server"

# The demo data every server is started with (see the mock server's DemoData).
TOKEN=demo-token
PIPELINE=bCkKGpDsyPP4peuKowkG
OPPORTUNITY=123akv4LFn6C9frZoy3e
DUP_PIPELINE=duplicatesAllowed001
DUP_STAGE=b2a4c6e8-0000-4000-8000-000000000001

# JVM options for the mock server (default: none, as a user starts it), e.g. MOCK_JAVA_OPTS=-Xmx256m.
MOCK_JAVA_OPTS=${MOCK_JAVA_OPTS:-}
QUICK=false
BUILD=true
SECTIONS=()
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --no-build) BUILD=false ;;
    http|startup|scale|suite|client|durability|slow|features) SECTIONS+=("$arg") ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
FULL=false
if [ ${#SECTIONS[@]} = 0 ]; then
  SECTIONS=(http startup scale suite client durability slow features)
  [ "$QUICK" = false ] && FULL=true
fi

if [ "$QUICK" = true ]; then
  DURATION=3s; WARMUP=2s; WARM_STEP=1; WARM_CAP=4; STORED_WARM_CAP=2; STARTUP_RUNS=2; SUITE_RUNS=1; JMH_ARGS=(-f 1 -wi 1 -w 1s -i 2 -r 1s); JMH_ROUNDS=1
  FEATURE_ROUNDS=1
else
  # JMH: four rounds of one fork per benchmark, ten 1 s iterations each (see section_client), after
  # twenty 1 s warm-up iterations: with five, C2 was still 40-47 % of the fork's CPU samples in the
  # measured iterations on two cores (async-profiler), and the facade, with more code to compile, paid more.
  # Warm-ups (see warm_up): the JIT compilers of a fresh mock server JVM keep a core busy for the first
  # minute of load on two cores, so a JVM is warmed in rounds of WARM_STEP seconds per endpoint until its
  # compilers settle (at most WARM_CAP seconds; creates are warmed by creates each followed by the delete
  # of what it made, then by stored creates for at most STORED_WARM_CAP seconds); every measured row
  # records the compilation it saw.
  DURATION=10s; WARMUP=5s; WARM_STEP=3; WARM_CAP=90; STORED_WARM_CAP=24; STARTUP_RUNS=5; SUITE_RUNS=3; JMH_ARGS=(-f 1 -wi 20 -w 1s -i 10 -r 1s); JMH_ROUNDS=4
  FEATURE_ROUNDS=4
fi

rm -rf "$OUT"
mkdir -p "$OUT/logs"
RESULTS="$OUT/results.txt"
: >"$RESULTS"

# ---------------------------------------------------------------------------------------------
# Helpers

log() { printf '\n== %s  [%s, load %s]\n' "$*" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }

# One result record: a type, then key=value pairs (values without spaces). report.py reads them.
record() { echo "$*" >>"$RESULTS"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Processes this script started, stopped (by pid) on exit.
STARTED=()
cleanup() {
  local pid
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Waits until a GET answers 200; fails after $3 seconds (default 90).
wait_for() {
  local url=$1 pid=$2 limit=${3:-90} i
  for ((i = 0; i < limit * 20; i++)); do
    if curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died before answering $url" >&2; return 1; }
    sleep 0.05
  done
  echo "no answer from $url after ${limit}s" >&2
  return 1
}

# Resident memory: samples the sum of VmRSS of a process and its descendants every 100 ms in the
# background; rss_stop prints the peak in KiB.
RSS_PID=""
RSS_FILE="$OUT/rss.peak"
descendants() {
  local pid=$1 child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do descendants "$child"; done
}
# status_kb KEY PID: the sum of a /proc status field (VmRSS, VmHWM) over PID and its descendants, in
# KiB: the mock server's jar serves from a child JVM, and its launcher's figure alone would be ~50 MiB.
status_kb() {
  local key=$1 pid sum=0
  for pid in $(descendants "$2"); do
    sum=$((sum + $(awk -v k="$key:" '$1 == k {v = $2} END {print v + 0}' /proc/"$pid"/status 2>/dev/null || echo 0)))
  done
  echo "$sum"
}
rss_start() {
  local pids
  pids=$(descendants "$1" | tr '\n' ' ')
  echo 0 >"$RSS_FILE"
  (
    peak=0
    while :; do
      sum=0
      for p in $pids; do
        while read -r key value _; do
          [ "$key" = "VmRSS:" ] && sum=$((sum + value))
        done <"/proc/$p/status" 2>/dev/null || true
      done
      if [ "$sum" -gt "$peak" ]; then peak=$sum; echo "$peak" >"$RSS_FILE"; fi
      sleep 0.1
    done
  ) &
  RSS_PID=$!
}
rss_stop() {
  kill "$RSS_PID" 2>/dev/null || true
  wait "$RSS_PID" 2>/dev/null || true
  cat "$RSS_FILE"
}

# wrk for $DURATION with $2 connections; prints the WRK_RESULT line's key=value pairs. Headers in
# the array WRK_HEADERS (wrk -H arguments) go with every request too.
# wrk_run LABEL CONNECTIONS DURATION URL [get | create STAGE]
WRK_HEADERS=()
wrk_run() {
  local label=$1 conns=$2 duration=$3 url=$4
  shift 4
  local logf="$OUT/logs/wrk-$label.log"
  wrk -t2 -c"$conns" -d"$duration" --timeout 10s -H "Authorization: Bearer ${WRK_TOKEN:-$TOKEN}" "${WRK_HEADERS[@]}" \
    -s "$BENCH/wrk/opportunities.lua" "$url" -- "$@" >"$logf" 2>&1 || { cat "$logf" >&2; return 1; }
  grep '^WRK_RESULT ' "$logf" | cut -d' ' -f2-
}

# Milliseconds the JIT compilers of the JVMs among PID and its descendants have spent so far
# (jstat's compile time); empty when none of them is a JVM (Prism, nginx).
jit_ms() {
  local pid total="" t
  for pid in $(descendants "$1"); do
    t=$(jstat -compiler "$pid" 2>/dev/null | awk 'NR == 2 {printf "%d", $4 * 1000 + 0.5}') || true
    [ -n "$t" ] && total=$((${total:-0} + t))
  done
  echo "$total"
}

# jit_during BEFORE AFTER: " jit_ms=N" (compile time between the two jit_ms readings), or nothing.
jit_during() {
  if [ -n "$1" ] && [ -n "$2" ]; then echo " jit_ms=$(($2 - $1))"; fi
}

# wrk_jit PID LABEL CONNECTIONS DURATION URL [lua args]: wrk_run's result, with " jit_ms=N", the time
# the JIT compilers of PID's JVMs spent during the run (nothing for a server that is not a JVM).
wrk_jit() {
  local pid=$1 result jit0 jit1
  shift
  jit0=$(jit_ms "$pid")
  result=$(wrk_run "$@")
  jit1=$(jit_ms "$pid")
  echo "$result$(jit_during "$jit0" "$jit1")"
}

# Warms a server up: rounds of wrk at 16 connections, WARM_STEP seconds per endpoint, until the JIT
# compilers of its JVM spent less than a tenth of the last round compiling, or WARM_CAP seconds have
# passed. A server that is not a JVM (Prism) is warmed for SECONDS instead, when given: the time the
# mock server needed, so that both get the same. Prints the seconds spent and records them.
# warm_up SERVER PID PHASE SECONDS|- "URL lua-args..." ...
WARMED=0
warm_up() {
  local server=$1 pid=$2 phase=$3 fixed=$4
  shift 4
  local spent=0 round=0 jit0 jit1 row url args cap=${WARM_UP_CAP:-$WARM_CAP}
  jit0=$(jit_ms "$pid")
  while :; do
    round=$((round + 1))
    for row in "$@"; do
      read -r url args <<<"$row"
      # shellcheck disable=SC2086 # args is the lua arguments, split on purpose
      wrk_run "$server-warmup-$phase-$round" 16 "${WARM_STEP}s" "$url" $args >/dev/null
      spent=$((spent + WARM_STEP))
    done
    jit1=$(jit_ms "$pid")
    if [ -z "$jit0" ]; then
      [ "$fixed" != - ] && [ "$spent" -lt "$fixed" ] && continue
      break
    fi
    # Settled: under a tenth of the round's wall time spent compiling.
    [ $((jit1 - jit0)) -lt $((WARM_STEP * $# * 100)) ] && break
    [ "$spent" -ge "$cap" ] && break
    jit0=$jit1
  done
  record "warmup server=$server phase=$phase seconds=$spent rounds=$round$(jit_during "$jit0" "$jit1")"
  echo "  $server warm-up ($phase): $spent s in $round round(s)" >&2
  WARMED=$spent
}

# Warms a server's creates up: first creates each followed by the DELETE of what it made (churn:
# nothing stored), then the measured request itself until the compilers settle again. Creates that
# keep what they make take paths the churn does not (a growing pipeline, new page buckets): a row
# measured straight after the churn spent 1.9 s of its 10 s compiling (bench/FINDINGS.md). The second
# phase runs at most STORED_WARM_CAP seconds, so that tens of thousands of opportunities are stored,
# not hundreds. Sets CHURN_WARMED and WARMED to the seconds each phase took.
# warm_creates SERVER PID CREATE_URL [CHURN_SECONDS|- STORED_SECONDS|-]
CHURN_WARMED=0
warm_creates() {
  local server=$1 pid=$2 url=$3 churn=${4:--} stored=${5:--}
  warm_up "$server" "$pid" create "$churn" "$url churn $DUP_STAGE"
  CHURN_WARMED=$WARMED
  WARM_UP_CAP=$STORED_WARM_CAP warm_up "$server" "$pid" create-stored "$stored" "$url create $DUP_STAGE"
}

# Measures one endpoint of one server: wrk at CONNECTIONS with the server's peak resident memory.
# measure SERVER PID ENDPOINT CONNECTIONS URL [lua args]
measure() {
  local server=$1 pid=$2 endpoint=$3 conns=$4 url=$5
  shift 5
  local result peak
  rss_start "$pid"
  result=$(wrk_jit "$pid" "$server-$endpoint-$conns" "$conns" "$DURATION" "$url" "$@")
  peak=$(rss_stop)
  result="$result rss_kb=$peak"
  record "http server=$server endpoint=$endpoint conns=$conns $result"
  echo "  $server $endpoint c=$conns: $result" >&2
}

# Starts the mock server jar with extra Spring arguments; sets MOCK_PID and MOCK_URL.
start_mock() {
  local name=$1
  shift
  local port
  port=$(free_port)
  # shellcheck disable=SC2086 # MOCK_JAVA_OPTS is a list of JVM options
  java $MOCK_JAVA_OPTS -jar "$MOCK_JAR" --server.port="$port" "$@" >"$OUT/logs/$name.log" 2>&1 &
  MOCK_PID=$!
  STARTED+=("$MOCK_PID")
  MOCK_URL="http://127.0.0.1:$port"
  wait_for "$MOCK_URL/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY" "$MOCK_PID" 180
}

# ---------------------------------------------------------------------------------------------
# Tools and builds

ensure_tools() {
  local missing=() http=false
  # nginx and Prism serve only the http section.
  [[ " ${SECTIONS[*]} " == *" http "* ]] && http=true
  command -v wrk >/dev/null || missing+=(wrk)
  [ "$http" = false ] || command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ "$http" = true ] && [ ! -x "$PRISM" ]; then
    log "Installing the pinned Prism (npm ci in api/)"
    (cd "$ROOT/api" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ "$http" = true ] && [ ! -x "$JSON_SERVER" ]; then
    log "Installing the pinned json-server (npm ci in bench/peers/)"
    (cd "$PEERS" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ "$http" = true ] && [ ! -f "$WIREMOCK_JAR" ]; then
    log "Fetching WireMock standalone $WIREMOCK_VERSION (Maven Central)"
    (cd "$ROOT" && ./mvnw -B -q -ntp dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
      -DoutputDirectory="$PEERS/target") >"$OUT/logs/wiremock-fetch.log" 2>&1 \
      || { tail -20 "$OUT/logs/wiremock-fetch.log" >&2; exit 1; }
  fi
}

build() {
  log "Building the jars (./mvnw -Pbench package, tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q -ntp -Pbench package -DskipTests) >"$OUT/logs/build.log" 2>&1 \
    || { tail -50 "$OUT/logs/build.log" >&2; exit 1; }
}

machine() {
  local cpu mem
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' | tr ' ' '_')
  mem=$(awk '/MemTotal/ {print $2}' /proc/meminfo)
  record "meta date=$(date -u +%Y-%m-%dT%H:%M:%SZ) cores=$(nproc) mem_kb=$mem cpu=$cpu quick=$QUICK"
  record "meta mock_java_opts=${MOCK_JAVA_OPTS// /_}"
  record "meta warm_step=$WARM_STEP warm_cap=$WARM_CAP create_warm=churn-then-create stored_warm_cap=$STORED_WARM_CAP duration=$DURATION"
  record "meta load_start=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
  record "meta commit=$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- . ':!bench/RESULTS.md' || echo +changes)"
  record "version java=$(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/')"
  record "version node=$(node --version 2>/dev/null || echo none)"
  record "version prism=$("$PRISM" --version 2>/dev/null || echo none)"
  record "version nginx=$(nginx -v 2>&1 | sed 's/.*nginx\///')"
  record "version wiremock=$WIREMOCK_VERSION"
  record "version json_server=$("$JSON_SERVER" --version 2>/dev/null || echo none)"
  record "version wrk=$(dpkg-query -W -f='${Version}' wrk 2>/dev/null || echo unknown)"
}

# ---------------------------------------------------------------------------------------------
# 1. Mock server vs Prism vs nginx

# The seed's GET example body, as one compact JSON file (what nginx serves).
seed_opportunity_json() {
  python3 - "$ROOT/api/src/test/resources/seed/onautomate-api-v1.1.1.txt" <<'EOF'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
get = text.index("GET /v1/pipelines/:pipelineId/opportunities/:opportunityId")
body = text.index("BODY", get)
start = text.index("{", body)
obj, _ = json.JSONDecoder().raw_decode(text[start:])
print(json.dumps(obj, separators=(",", ":")))
EOF
}

# http_endpoints BASE SERVER PID [reads]: GET one, GET list and POST create (only the two GETs with "reads").
# The reads first, then the creates: every measured create stores an opportunity and a contact, so a
# server's memory grows with the creates it has answered (the peak over all rows is reported with them).
# The creates' warm-up deletes what it creates (wrk/opportunities.lua, churn), then stores creates
# for at most STORED_WARM_CAP seconds (warm_creates).
# Prism and json-server are warmed for as long as the mock server needed (READS_WARM, CREATE_WARM,
# STORED_WARM).
READS_WARM=-
CREATE_WARM=-
STORED_WARM=-
http_endpoints() {
  local base=$1 server=$2 pid=$3 only=${4:-all} conns
  local get="$base/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY"
  local list="$base/v1/pipelines/$PIPELINE/opportunities?page=1"
  local create="$base/v1/pipelines/$DUP_PIPELINE/opportunities"
  warm_up "$server" "$pid" reads "$READS_WARM" "$get get" "$list get"
  [ "$server" = ours ] && READS_WARM=$WARMED
  for conns in 16 64; do
    measure "$server" "$pid" get "$conns" "$get" get
    measure "$server" "$pid" list "$conns" "$list" get
  done
  [ "$only" = reads ] && return
  warm_creates "$server" "$pid" "$create" "$CREATE_WARM" "$STORED_WARM"
  [ "$server" = ours ] && CREATE_WARM=$CHURN_WARMED && STORED_WARM=$WARMED
  for conns in 16 64; do
    measure "$server" "$pid" create "$conns" "$create" create "$DUP_STAGE"
  done
}

section_http() {
  log "1. Mock server"
  start_mock mock-http
  local idle child
  # The JVM options the fast start gave the server's JVM (its child), for RESULTS.md.
  child=$(pgrep -P "$MOCK_PID" java | head -n 1 || true)
  [ -n "$child" ] && record "meta child_jvm_opts=$(tr '\0' '\n' <"/proc/$child/cmdline" \
    | grep -E '^-X' | grep -v -E 'SharedArchiveFile|^-Xlog' | paste -sd ' ' - | tr ' ' '_')"
  idle=$(status_kb VmRSS "$MOCK_PID")
  record "rss server=ours idle_kb=$idle"
  http_endpoints "$MOCK_URL" ours "$MOCK_PID"
  record "rss server=ours hwm_kb=$(status_kb VmHWM "$MOCK_PID")"
  peer_bodies "$MOCK_URL"
  record "rss server=ours stored=$(curl -sf -H "Authorization: Bearer $TOKEN" \
    "$MOCK_URL/v1/pipelines/$DUP_PIPELINE/opportunities?limit=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["meta"]["total"])')"
  stop "$MOCK_PID"

  # The same reads with every answer computed (SQL, Spring MVC, Jackson): what a read costs when the
  # location's data changed since the last one. Not a target row; it shows what the kept answers save.
  log "1. Mock server, answers not kept (--onautomate.answer-cache.enabled=false)"
  start_mock mock-http-computed --onautomate.answer-cache.enabled=false
  http_endpoints "$MOCK_URL" ours_computed "$MOCK_PID" reads
  stop "$MOCK_PID"

  log "1. Prism (mock of the same openapi.yaml, logging off)"
  local port
  port=$(free_port)
  peer_endpoints prism "$port" 120 "$PRISM" mock -h 127.0.0.1 -p "$port" -v silent "$SPEC"

  section_http_peers

  log "1. nginx (one worker, access log off, the seed's opportunity JSON as a static file)"
  local root="$OUT/nginx" pid
  mkdir -p "$root/logs" "$root/www/v1/pipelines/$PIPELINE/opportunities"
  seed_opportunity_json >"$root/www/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY"
  chmod -R a+rX "$root"
  port=$(free_port)
  cat >"$root/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $root/nginx.pid;
error_log $root/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $root/tmp;
  proxy_temp_path $root/tmp;
  fastcgi_temp_path $root/tmp;
  uwsgi_temp_path $root/tmp;
  scgi_temp_path $root/tmp;
  server {
    listen 127.0.0.1:$port;
    root $root/www;
  }
}
EOF
  mkdir -p "$root/tmp"
  nginx -p "$root" -c "$root/nginx.conf" >"$OUT/logs/nginx.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
  wait_for "http://127.0.0.1:$port/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY" "$pid" 20
  local get="http://127.0.0.1:$port/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY"
  record "nginx bytes=$(stat -c %s "$root/www/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY")"
  wrk_run nginx-warmup-get 16 "$WARMUP" "$get" get >/dev/null
  measure nginx "$pid" get 16 "$get" get
  measure nginx "$pid" get 64 "$get" get
  stop "$pid"
}

# peer_endpoints SERVER PORT WAIT_SECONDS COMMAND...: starts a peer that listens on 127.0.0.1:PORT,
# measures the rows of section 1 on it (http_endpoints) and stops it.
peer_endpoints() {
  local server=$1 port=$2 limit=$3 pid
  shift 3
  "$@" >"$OUT/logs/$server.log" 2>&1 &
  pid=$!
  STARTED+=("$pid")
  wait_for "http://127.0.0.1:$port/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY" "$pid" "$limit"
  record "rss server=$server idle_kb=$(status_kb VmRSS "$pid")"
  http_endpoints "http://127.0.0.1:$port" "$server" "$pid"
  stop "$pid"
}

# The bodies our server answers to the three requests of section 1 (GET one, the list, a create),
# for the peers to answer: WireMock's stubs send them as they are; json-server stores the opportunity.
peer_bodies() {
  local base=$1 dir="$OUT/peers" id
  mkdir -p "$dir"
  curl -sf -H "Authorization: Bearer $TOKEN" "$base/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY" >"$dir/get.json"
  curl -sf -H "Authorization: Bearer $TOKEN" "$base/v1/pipelines/$PIPELINE/opportunities?page=1" >"$dir/list.json"
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"Bench opportunity","status":"open","stageId":"'"$DUP_STAGE"'","name":"Bench Contact","companyName":"Bench Inc","monetaryValue":122.22,"source":"public api","tags":["bench"],"email":"bench-bodies@example.com"}' \
    "$base/v1/pipelines/$DUP_PIPELINE/opportunities" >"$dir/create.json"
  id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$dir/create.json")
  curl -sf -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" "$base/v1/pipelines/$DUP_PIPELINE/opportunities/$id"
}

# WireMock standalone with stubs that answer our bodies (request journal and request logging off: its
# fastest setting, and its default journal grows without bound), and json-server with its own JSON
# store of the same opportunity (it writes the store to its file after every write, as it does by
# default). The same rows and warm-up as Prism: a fixed time for json-server, and for WireMock, a JVM,
# rounds until its JIT settles.
section_http_peers() {
  local dir="$OUT/peers" port
  log "1. WireMock standalone $WIREMOCK_VERSION (stubs answering our bodies)"
  mkdir -p "$dir/wiremock/mappings"
  python3 "$BENCH/lib/peer_stubs.py" wiremock "$dir" "$PIPELINE" "$OPPORTUNITY" "$DUP_PIPELINE" \
    >"$dir/wiremock/mappings/opportunities.json"
  port=$(free_port)
  peer_endpoints wiremock "$port" 120 java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" \
    --root-dir "$dir/wiremock" --no-request-journal --disable-request-logging --disable-banner

  log "1. json-server (its own JSON store of the same opportunity, logging off)"
  mkdir -p "$dir/json-server"
  python3 "$BENCH/lib/peer_stubs.py" json-server "$dir" "$PIPELINE" "$OPPORTUNITY" "$DUP_PIPELINE" \
    >"$dir/json-server/db.json"
  # Our paths onto json-server's resource: the list as its page 1 of 20, filtered by pipeline.
  printf '%s\n' '{' \
    '  "/v1/pipelines/:pipelineId/opportunities?page=:page": "/opportunities?pipelineId=:pipelineId&_page=:page&_limit=20",' \
    '  "/v1/pipelines/:pipelineId/opportunities/:id": "/opportunities/:id",' \
    '  "/v1/pipelines/:pipelineId/opportunities": "/opportunities"' '}' >"$dir/json-server/routes.json"
  port=$(free_port)
  peer_endpoints json_server "$port" 60 "$JSON_SERVER" --host 127.0.0.1 --port "$port" --quiet \
    --routes "$dir/json-server/routes.json" "$dir/json-server/db.json"
  record "rss server=json_server stored=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["opportunities"]))' \
    "$dir/json-server/db.json")"
}

# ---------------------------------------------------------------------------------------------
# Start-up: java -jar mock-server.jar to the first answered request

section_startup() {
  log "Start-up of the mock server jar to its first answered request ($STARTUP_RUNS runs)"
  local i port start end pid url
  for ((i = 1; i <= STARTUP_RUNS; i++)); do
    port=$(free_port)
    url="http://127.0.0.1:$port/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY"
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    java $MOCK_JAVA_OPTS -jar "$MOCK_JAR" --server.port="$port" >"$OUT/logs/startup-$i.log" 2>&1 &
    pid=$!
    STARTED+=("$pid")
    until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; do
      kill -0 "$pid" 2>/dev/null || { cat "$OUT/logs/startup-$i.log" >&2; return 1; }
      sleep 0.01
    done
    end=$(date +%s%N)
    record "startup run=$i ms=$(((end - start) / 1000000))"
    echo "  run $i: $(((end - start) / 1000000)) ms" >&2
    stop "$pid"
  done
}

# ---------------------------------------------------------------------------------------------
# 2. Scale: 100,000 opportunities in one pipeline

SCALE_TOKEN=bench-token
SCALE_PIPELINE=benchPipeline100k01

# Writes the scale migration for one database into $OUT/scale-sql-<db>/ and prints that directory.
scale_sql() {
  local db=$1 rows dir="$OUT/scale-sql-$1"
  case "$db" in
    h2) rows='SYSTEM_RANGE(1, 100000)' ;;
    postgresql) rows='generate_series(1, 100000) AS g(x)' ;;
  esac
  mkdir -p "$dir"
  sed "s/ROWS_SOURCE/$rows/" "$BENCH/sql/bench-100k.sql" >"$dir/V1000__bench_100k_opportunities.sql"
  echo "$dir"
}

# scale_run DB-LABEL [Spring arguments...]: starts the mock server with the 100,000 rows, then wrk -c16.
scale_run() {
  local db=$1
  shift
  local start end base
  start=$(date +%s%N)
  start_mock "scale-$db" "$@"
  end=$(date +%s%N)
  base="$MOCK_URL/v1/pipelines/$SCALE_PIPELINE/opportunities"
  local total
  total=$(curl -sf -H "Authorization: Bearer $SCALE_TOKEN" "$base?page=2500" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["meta"]["total"], len(d["opportunities"]), d["opportunities"][0]["id"] if d["opportunities"] else "-")')
  echo "  loaded: total, page 2,500 size, first id: $total" >&2
  record "scalemeta db=$db start_ms=$(((end - start) / 1000000)) rows=$(cut -d' ' -f1 <<<"$total") page2500_first=$(cut -d' ' -f3 <<<"$total")"
  local -a names=(page1 page2500 filtered filtered_title get)
  local -a urls=("$base?page=1" "$base?page=2500" "$base?status=won" "$base?title=solar"
    "$base/bo0000050000")
  local i rows=()
  for i in "${!names[@]}"; do rows+=("${urls[$i]} get"); done
  WRK_TOKEN=$SCALE_TOKEN warm_up "scale-$db" "$MOCK_PID" reads - "${rows[@]}"
  for i in "${!names[@]}"; do
    local result
    result=$(WRK_TOKEN=$SCALE_TOKEN wrk_jit "$MOCK_PID" "scale-$db-${names[$i]}" 16 "$DURATION" "${urls[$i]}" get)
    record "scale db=$db endpoint=${names[$i]} $result"
    echo "  $db ${names[$i]}: $result" >&2
  done
  record "scalemeta db=$db rss_kb=$(status_kb VmRSS "$MOCK_PID")"
  stop "$MOCK_PID"
}

# Each database twice: as shipped (a repeated read is answered from the kept answers), and with
# --onautomate.answer-cache.enabled=false, so that every request runs its queries (db label "-computed").
section_scale() {
  log "2. Scale: 100,000 opportunities on H2 (the mock server's default database), loaded by one SQL migration"
  scale_run h2 --spring.flyway.locations="classpath:db/migration,filesystem:$(scale_sql h2)"
  log "2. Scale on H2, every answer computed (--onautomate.answer-cache.enabled=false)"
  scale_run h2-computed --spring.flyway.locations="classpath:db/migration,filesystem:$(scale_sql h2)" \
    --onautomate.answer-cache.enabled=false

  local pg_url pg_was_running=false
  "$ROOT/.ci/postgres.sh" status >/dev/null 2>&1 && pg_was_running=true
  if pg_url=$("$ROOT/.ci/postgres.sh" start 2>>"$OUT/logs/postgres.log"); then
    local db="bench_scale_$$_$RANDOM" psql
    psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
    "$psql" -h 127.0.0.1 -p "${ONAUTOMATE_PG_PORT:-55432}" -U postgres -qc "CREATE DATABASE $db" >/dev/null
    log "2. Scale: 100,000 opportunities on PostgreSQL ($db), loaded by one SQL migration"
    scale_run postgresql \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:${ONAUTOMATE_PG_PORT:-55432}/$db?user=postgres" \
      --spring.flyway.locations="classpath:db/migration,filesystem:$(scale_sql postgresql)"
    log "2. Scale on PostgreSQL, every answer computed (--onautomate.answer-cache.enabled=false)"
    scale_run postgresql-computed \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:${ONAUTOMATE_PG_PORT:-55432}/$db?user=postgres" \
      --spring.flyway.locations="classpath:db/migration,filesystem:$(scale_sql postgresql)" \
      --onautomate.answer-cache.enabled=false
    "$psql" -h 127.0.0.1 -p "${ONAUTOMATE_PG_PORT:-55432}" -U postgres -qc "DROP DATABASE $db" >/dev/null || true
    # Stopped again when this section started it (as .ci/run does): it used to stay up after the run.
    [ "$pg_was_running" = true ] || "$ROOT/.ci/postgres.sh" stop >>"$OUT/logs/postgres.log" 2>&1 || true
  else
    echo "  PostgreSQL could not be started (.ci/postgres.sh): scale measured on H2 only" >&2
    record "scalemeta db=postgresql skipped=yes"
  fi
}

# ---------------------------------------------------------------------------------------------
# 5. Durability: creates/s on a file H2, with every commit written before the answer (the server's
# default for a file URL, ;WRITE_DELAY=0) and with H2's own default (written within 500 ms, what the
# server did before issue 18: a kill -9 lost answered creates). Each on a fresh database file,
# warmed with creates (churn, then stored: warm_creates) until the JIT settles, then measured at 16 and
# 64 connections.

section_durability() {
  local variant url conns
  for variant in delayed durable; do
    rm -rf "$OUT/durability-$variant"
    url="jdbc:h2:file:$OUT/durability-$variant/opportunities"
    [ "$variant" = delayed ] && url="$url;WRITE_DELAY=500"
    log "5. Durability: file H2, $variant ($url)"
    start_mock "mock-durability-$variant" --spring.datasource.url="$url"
    local create="$MOCK_URL/v1/pipelines/$DUP_PIPELINE/opportunities"
    warm_creates "durability-$variant" "$MOCK_PID" "$create"
    for conns in 16 64; do
      local result
      result=$(wrk_jit "$MOCK_PID" "durability-$variant-$conns" "$conns" "$DURATION" "$create" create "$DUP_STAGE")
      record "durability variant=$variant conns=$conns $result"
      echo "  file H2 $variant, create c=$conns: $result" >&2
    done
    stop "$MOCK_PID"
  done
}

# ---------------------------------------------------------------------------------------------
# 6. Slow clients: GET one opportunity and POST create, timed by wrk at 16 connections, first alone,
# then while bench/slow_clients.py keeps 50 connections sending a create's body one byte every 2 s
# and 200 connections sending headers one byte every 2 s (each reconnects when the server cuts it
# off at its deadlines). The server as users start it (8 worker threads on two cores).

section_slow() {
  log "6. Slow clients: reads and creates alone, then beside 50 slow bodies and 200 slow headers"
  start_mock mock-slow
  local get="$MOCK_URL/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY"
  local create="$MOCK_URL/v1/pipelines/$DUP_PIPELINE/opportunities"
  local port=${MOCK_URL##*:} slow_pid result phase
  warm_up slow "$MOCK_PID" reads - "$get get"
  warm_creates slow "$MOCK_PID" "$create"
  for phase in alone beside; do
    if [ "$phase" = beside ]; then
      python3 "$BENCH/slow_clients.py" 127.0.0.1 "$port" --body 50 --headers 200 >"$OUT/logs/slow-clients.log" 2>&1 &
      slow_pid=$!
      STARTED+=("$slow_pid")
      sleep 3  # every slow connection open and its first bytes sent
    fi
    result=$(wrk_jit "$MOCK_PID" "slow-get-$phase" 16 "$DURATION" "$get" get)
    record "slow endpoint=get phase=$phase conns=16 $result"
    echo "  GET one, $phase: $result" >&2
    result=$(wrk_jit "$MOCK_PID" "slow-create-$phase" 16 "$DURATION" "$create" create "$DUP_STAGE")
    record "slow endpoint=create phase=$phase conns=16 $result"
    echo "  POST create, $phase: $result" >&2
  done
  kill "$slow_pid" 2>/dev/null || true  # it prints its summary on SIGTERM
  wait "$slow_pid" 2>/dev/null || true
  local summary
  summary=$(grep '^slow clients: opened' "$OUT/logs/slow-clients.log" | tail -n 1 | tr -d "{}':," | tr ' ' '_')
  record "slowmeta clients=$summary"
  stop "$MOCK_PID"
}

# ---------------------------------------------------------------------------------------------
# 3. The conformance suite: a default run (it starts the bundled mock server in-process)

section_suite() {
  log "3. Conformance suite: java -jar contract-tests/target/conformance.jar ($SUITE_RUNS runs)"
  local i start logf
  for ((i = 1; i <= SUITE_RUNS; i++)); do
    logf="$OUT/logs/suite-$i.log"
    start=${EPOCHREALTIME/./}
    # Every line of its output with the time it was printed (microseconds), to find the first request.
    # A run that finds failures exits non-zero: recorded, not fatal to the benchmark.
    set +e
    java -jar "$SUITE_JAR" 2>&1 | while IFS= read -r line; do echo "${EPOCHREALTIME/./} $line"; done >"$logf"
    local rc=${PIPESTATUS[0]}
    set -e
    local end=${EPOCHREALTIME/./}
    python3 - "$logf" "$start" "$end" "$rc" "$i" >>"$RESULTS" <<'PY'
import re, sys
path, start, end, rc, run = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
first = finished = requests = None
for line in open(path, encoding="utf-8", errors="replace"):
    stamp, _, text = line.rstrip("\n").partition(" ")
    if first is None and text.startswith("Verifying "):
        first = int(stamp)
    m = re.search(r"Finished in ([0-9.]+) s", text)
    if m:
        finished = float(m.group(1))
    m = re.search(r"Result: \w+, .*?(\d+) requests sent", text)
    if m:
        requests = int(m.group(1))
fields = [f"run={run}", f"rc={rc}", f"wall_ms={(end - start) / 1000:.0f}"]
if first is not None:
    fields.append(f"first_request_ms={(first - start) / 1000:.0f}")
if finished is not None:
    fields.append(f"generating_s={finished}")
if requests is not None:
    fields.append(f"requests={requests}")
print("suiterun " + " ".join(fields))
PY
    tail -1 "$RESULTS" | sed 's/^/  /' >&2
  done
}

# ---------------------------------------------------------------------------------------------
# 4. The client: JMH, one GET through the facade vs raw OkHttp against a local JDK HttpServer

section_client() {
  # JMH runs one benchmark's forks after the other's, so a slow minute of the machine lands on one of
  # them only. Here each round is one JMH run of one fork per benchmark, and the rounds follow each
  # other: the forks of facade and raw OkHttp alternate in time. The iterations of all rounds are merged.
  log "4. Client: JMH, $JMH_ROUNDS rounds of (${JMH_ARGS[*]})"
  local round files=()
  for ((round = 1; round <= JMH_ROUNDS; round++)); do
    java -jar "$JMH_JAR" "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh-$round.json" ClientGetBenchmark \
      >"$OUT/logs/jmh-$round.log" 2>&1 || { tail -30 "$OUT/logs/jmh-$round.log" >&2; return 1; }
    files+=("$OUT/jmh-$round.json")
  done
  python3 - "${files[@]}" >>"$RESULTS" <<'PY'
import json, statistics, sys
runs = {}
for path in sys.argv[1:]:
    for b in json.load(open(path)):
        name = b["benchmark"].rsplit(".", 1)[1]
        run = runs.setdefault(name, {"iterations": [], "unit": b["primaryMetric"]["scoreUnit"], "forks": 0,
                                     "per_fork": b["measurementIterations"], "time": b["measurementTime"],
                                     "warmup": b["warmupIterations"], "warmup_time": b["warmupTime"]})
        for fork in b["primaryMetric"].get("rawData", []):
            run["iterations"].extend(fork)
            run["forks"] += 1
for name, run in runs.items():
    it = run["iterations"]
    mean = statistics.mean(it)
    # 99.9 % interval of the mean over all iterations, as JMH states its error (normal approximation).
    error = 3.29 * statistics.stdev(it) / len(it) ** 0.5 if len(it) > 1 else float("nan")
    print(f"jmh benchmark={name} score={mean} error={error} median={statistics.median(it)} "
          f"unit={run['unit'].replace(' ', '_')} forks={run['forks']} iterations={run['per_fork']} "
          f"time={run['time'].replace(' ', '')} warmup={run['warmup']} warmup_time={run['warmup_time'].replace(' ', '')}")
PY
  grep '^jmh ' "$RESULTS" | sed 's/^/  /' >&2
}

# ---------------------------------------------------------------------------------------------
# Features: what CORS, chosen answers (Prefer) and injected faults cost the mock server's rows

# The same jar three ways, all started and warmed first, then measured in turns (round after round,
# variant after variant) so that a change in the machine's load falls on all three alike:
#   off      --onautomate.prefer.enabled=false --onautomate.cors.enabled=false: none of the three
#            filters in the chain, the request path of the server before the features;
#   shipped  the defaults: the filters in the chain, the requests using none of them;
#   in_use   every request sends Origin (CORS headers computed and added) and Prefer: fault=none
#            (both Prefer filters parse it), and the settings inject a 503 into a share of 1e-4 of
#            the requests (so every request draws its fate; fault=none then spares it).
section_features() {
  local variant round pid url
  local -A pids urls
  local off=(--onautomate.prefer.enabled=false --onautomate.cors.enabled=false --onautomate.admin.journal-size=0)
  local in_use=(--onautomate.faults.status-rate.503=0.0001 --onautomate.faults.seed=1)
  for variant in off shipped in_use; do
    log "Features: starting and warming the mock server ($variant)"
    case $variant in
      off) start_mock "features-$variant" "${off[@]}" ;;
      shipped) start_mock "features-$variant" ;;
      in_use) start_mock "features-$variant" "${in_use[@]}" ;;
    esac
    pids[$variant]=$MOCK_PID
    urls[$variant]=$MOCK_URL
    feature_headers "$variant"
    warm_up "features-$variant" "$MOCK_PID" reads - "$MOCK_URL/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY get" \
      "$MOCK_URL/v1/pipelines/$PIPELINE/opportunities?page=1 get"
    warm_creates "features-$variant" "$MOCK_PID" "$MOCK_URL/v1/pipelines/$DUP_PIPELINE/opportunities"
  done
  WRK_HEADERS=()
  for ((round = 1; round <= FEATURE_ROUNDS; round++)); do
    log "Features: round $round of $FEATURE_ROUNDS"
    for variant in off shipped in_use; do
      pid=${pids[$variant]} url=${urls[$variant]}
      feature_headers "$variant"
      measure_feature "$variant" "$round" "$pid" get "$url/v1/pipelines/$PIPELINE/opportunities/$OPPORTUNITY" get
      measure_feature "$variant" "$round" "$pid" list "$url/v1/pipelines/$PIPELINE/opportunities?page=1" get
      measure_feature "$variant" "$round" "$pid" create "$url/v1/pipelines/$DUP_PIPELINE/opportunities" create "$DUP_STAGE"
    done
  done
  WRK_HEADERS=()
  for variant in off shipped in_use; do stop "${pids[$variant]}"; done
}

# The headers the in_use variant's requests carry; none for the others.
feature_headers() {
  WRK_HEADERS=()
  [ "$1" = in_use ] && WRK_HEADERS=(-H "Origin: http://localhost:5173" -H "Prefer: fault=none")
  return 0
}

# CPU time (user + system, in clock ticks) that the threads of PID and its descendants have used so
# far, less the JIT compiler threads' (a row's compiling is not what its requests cost).
cpu_ticks() {
  # shellcheck disable=SC2046 # one argument per pid
  python3 - $(descendants "$1") <<'PY'
import glob, sys
total = 0
for pid in sys.argv[1:]:
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            with open(f"{task}/comm") as f:
                if "CompilerThre" in f.read():
                    continue
            with open(f"{task}/stat") as f:
                fields = f.read().rpartition(")")[2].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        except (OSError, ValueError, IndexError):
            pass  # a thread that ended meanwhile
print(total)
PY
}

# measure_feature VARIANT ROUND PID ENDPOINT URL [lua args]: one 16-connection row, with the CPU
# time the server's threads (less the JIT's) used for it (cpu_ms): CPU per request is steadier than
# requests/s on a machine that other work shares, since it does not count the time the server
# waited for a core.
measure_feature() {
  local variant=$1 round=$2 pid=$3 endpoint=$4 url=$5 result cpu0 cpu1
  shift 5
  cpu0=$(cpu_ticks "$pid")
  result=$(wrk_jit "$pid" "features-$variant-$endpoint-$round" 16 "$DURATION" "$url" "$@")
  cpu1=$(cpu_ticks "$pid")
  result="$result cpu_ms=$(((cpu1 - cpu0) * 1000 / $(getconf CLK_TCK)))"
  record "features variant=$variant round=$round endpoint=$endpoint conns=16 $result"
  echo "  $variant $endpoint round $round: $result" >&2
}

# ---------------------------------------------------------------------------------------------

main() {
  ensure_tools
  [ "$BUILD" = true ] && build
  machine
  local section
  for section in "${SECTIONS[@]}"; do
    record "load section=$section at=$(date -u +%H:%M:%S) avg=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
    "section_$section"
  done
  record "meta load_end=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
  local target="$OUT/RESULTS.md"
  [ "$FULL" = true ] && target="$BENCH/RESULTS.md"
  python3 "$BENCH/lib/report.py" "$RESULTS" >"$target"
  log "Wrote $target"
  # A focused run of the sections with marked blocks (not --quick) replaces their blocks in bench/RESULTS.md.
  if [ "$FULL" = false ] && [ "$QUICK" = false ] && grep -q '<!-- bench:' "$target"; then
    python3 "$BENCH/lib/report.py" --splice "$target" "$BENCH/RESULTS.md"
    log "Replaced the blocks of this run's sections in $BENCH/RESULTS.md"
  fi
}

main; exit  # one line: an edit of this file while it runs cannot run anything more
