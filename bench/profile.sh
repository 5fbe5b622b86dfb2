#!/usr/bin/env bash
# Profiles the mock server jar under wrk load and prints the hottest frames (top of stack) and the
# hottest frames of our own code (com.onautomate anywhere in the stack).
#
#   [TOKEN=...] [WARM=seconds] [PROFILER=jfr|async] bench/profile.sh get|list|create|/url/path [connections] [seconds] [extra Spring arguments...]
#
# The server is warmed up first for WARM seconds (default 5) with the request it is profiled on; a
# create is warmed up as bench/run.sh does it (creates each followed by the delete of what it made,
# then WARM/2 seconds of stored creates). On two cores a fresh JVM keeps compiling for a minute or
# more under creates: use WARM=60 or more for figures of a settled server.
#
# PROFILER=jfr (the default): Java Flight Recorder's execution samples, kept in
# bench/out/profile-<endpoint>.jfr (open it with JDK Mission Control, or `jfr print --events
# jdk.ExecutionSample`). They cover threads running Java code only.
# PROFILER=async: async-profiler (tools.profiler:async-profiler from Maven Central, the version in the
# parent pom's async-profiler.version, fetched into bench/target/ on first use), CPU time of every
# thread of the server (itimer): also the JIT compilers, the garbage collector and the kernel's
# share of socket writes, which JFR's samples leave out; it prints where the CPU went by thread kind
# too. Stacks kept in bench/out/profile-<endpoint>.collapsed (one line per stack, Brendan Gregg's
# collapsed format, for flamegraph tools).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/out"
mkdir -p "$OUT"
endpoint=${1:-get}
conns=${2:-16}
seconds=${3:-15}
shift $(($# < 3 ? $# : 3))
warm=${WARM:-5}
profiler=${PROFILER:-jfr}
name=$(printf %s "$endpoint" | tr -c "a-zA-Z0-9" "_")
case "$profiler" in
  jfr|async) ;;
  *) echo "bench/profile.sh: PROFILER must be jfr or async, got '$profiler'" >&2; exit 2 ;;
esac

if [ "$profiler" = async ]; then
  version=$(sed -n 's:.*<async-profiler.version>\(.*\)</async-profiler.version>.*:\1:p' "$ROOT/pom.xml")
  tools="$BENCH/target/async-profiler-$version"
  lib="$tools/linux-x64/libasyncProfiler.so"
  if [ ! -f "$lib" ]; then
    (cd "$ROOT" && ./mvnw -B -q -ntp dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
      -DoutputDirectory="$tools")
    (cd "$tools" && unzip -q -o "async-profiler-$version-linux-x64.jar" 'linux-x64/*')
  fi
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$ROOT/mock-server/target/mock-server.jar" \
  --server.port="$port" "$@" >"$OUT/profile-$name.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
get="$base/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e"
until curl -sf -o /dev/null -H 'Authorization: Bearer demo-token' "$get"; do
  kill -0 $pid || { cat "$OUT/profile-$name.log"; exit 1; }
  sleep 0.1
done
stage=b2a4c6e8-0000-4000-8000-000000000001
case "$endpoint" in
  get) url=$get; args=(get) ;;
  list) url="$base/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities?page=1"; args=(get) ;;
  create) url="$base/v1/pipelines/duplicatesAllowed001/opportunities"; args=(create "$stage") ;;
  *) url="$base$endpoint"; args=(get) ;;
esac
load() {  # load SECONDS lua-args...
  local secs=$1
  shift
  wrk -t2 -c"$conns" -d"${secs}s" -H "Authorization: Bearer ${TOKEN:-demo-token}" -s "$BENCH/wrk/opportunities.lua" \
    "$url" -- "$@"
}
if [ "$endpoint" = create ]; then
  load "$warm" churn "$stage" >/dev/null
  load $((warm / 2 > 0 ? warm / 2 : 1)) "${args[@]}" >/dev/null
else
  load "$warm" "${args[@]}" >/dev/null
fi
# The jar's fast start serves from a child JVM (see FastStart): record that one, after the warm-up.
server=$(pgrep -P $pid java || echo $pid)

if [ "$profiler" = async ]; then
  collapsed="$OUT/profile-$name.collapsed"
  # jcmd passes the agent's options as one argument only when they are quoted inside it.
  jcmd "$server" JVMTI.agent_load "$lib" '"start,event=itimer,interval=1ms,threads"' >/dev/null
  load "$seconds" "${args[@]}"
  jcmd "$server" JVMTI.agent_load "$lib" "\"stop,file=$collapsed,collapsed\"" >/dev/null
  python3 - "$collapsed" <<'PY'
import collections, re, sys
rows = []
for line in open(sys.argv[1]):
    stack, n = line.rstrip("\n").rsplit(" ", 1)
    rows.append((stack.split(";"), int(n)))
total = sum(n for _, n in rows) or 1
def kind(thread):
    for name, pattern in (("request threads (http-nio)", "http-nio"), ("JIT compilers", "Compiler"),
                          ("garbage collector", r"GC|G1|Conc|Parallel|VM Thread")):
        if re.search(pattern, thread):
            return name
    return "other threads"
by_kind = collections.Counter()
top = collections.Counter()
ours = collections.Counter()
for frames, n in rows:
    by_kind[kind(frames[0])] += n
    top[frames[-1]] += n
    for f in set(f for f in frames if "com/onautomate" in f):
        ours[f] += n
print(f"== CPU by thread kind, {total} samples of 1 ms")
for k, n in by_kind.most_common():
    print(f"{n:7d} {100 * n / total:5.1f} %  {k}")
print("== Top frames (self time)")
for f, n in top.most_common(25):
    print(f"{n:7d} {100 * n / total:5.1f} %  {f}")
print("== Our frames anywhere in the stack (inclusive)")
for f, n in ours.most_common(25):
    print(f"{n:7d} {100 * n / total:5.1f} %  {f.replace('/', '.')}")
PY
  exit 0
fi

jfr="$OUT/profile-$name.jfr"
jcmd "$server" JFR.start name=profile settings=profile >/dev/null
load "$seconds" "${args[@]}"
jcmd "$server" JFR.dump name=profile filename="$jfr" >/dev/null

jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" >"$OUT/profile-$name.txt"
echo "== Top frames (self time), $(grep -c 'jdk.ExecutionSample' "$OUT/profile-$name.txt") samples"
awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$OUT/profile-$name.txt" \
  | sort | uniq -c | sort -rn | head -25
echo "== Our frames anywhere in the stack (inclusive)"
awk '/jdk.ExecutionSample/ {delete seen} /com\.onautomate/ {f=$0; sub(/^[ \t]+/, "", f); sub(/line:.*/, "", f); if (!(f in seen)) {seen[f]=1; print f}}' \
  "$OUT/profile-$name.txt" | sort | uniq -c | sort -rn | head -25
