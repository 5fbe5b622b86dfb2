#!/usr/bin/env bash
# Profiles the mock server jar under wrk load with Java Flight Recorder and prints the hottest
# frames (top of stack) and the hottest frames of our own code (com.onautomate anywhere in the stack).
#
#   [TOKEN=...] bench/profile.sh get|list|create|/url/path [connections] [seconds] [extra Spring arguments...]
#
# The recording is kept in bench/out/profile-<endpoint>.jfr (open it with JDK Mission Control,
# or `jfr print --events jdk.ExecutionSample`).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/out"
mkdir -p "$OUT"
endpoint=${1:-get}
conns=${2:-16}
seconds=${3:-15}
shift $(($# < 3 ? $# : 3))
name=$(printf %s "$endpoint" | tr -c "a-zA-Z0-9" "_")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
jfr="$OUT/profile-$name.jfr"
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
case "$endpoint" in
  get) url=$get; args=(get) ;;
  list) url="$base/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities?page=1"; args=(get) ;;
  create) url="$base/v1/pipelines/duplicatesAllowed001/opportunities"; args=(create b2a4c6e8-0000-4000-8000-000000000001) ;;
  *) url="$base$endpoint"; args=(get) ;;
esac
wrk -t2 -c"$conns" -d5s -H "Authorization: Bearer ${TOKEN:-demo-token}" -s "$BENCH/wrk/opportunities.lua" "$url" -- "${args[@]}" >/dev/null
# The jar's fast start serves from a child JVM (see FastStart): record that one, after the warm-up.
server=$(pgrep -P $pid java || echo $pid)
jcmd "$server" JFR.start name=profile settings=profile >/dev/null
wrk -t2 -c"$conns" -d"${seconds}s" -H "Authorization: Bearer ${TOKEN:-demo-token}" -s "$BENCH/wrk/opportunities.lua" "$url" -- "${args[@]}"
jcmd "$server" JFR.dump name=profile filename="$jfr" >/dev/null

jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" >"$OUT/profile-$name.txt"
echo "== Top frames (self time), $(grep -c 'jdk.ExecutionSample' "$OUT/profile-$name.txt") samples"
awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$OUT/profile-$name.txt" \
  | sort | uniq -c | sort -rn | head -25
echo "== Our frames anywhere in the stack (inclusive)"
awk '/jdk.ExecutionSample/ {delete seen} /com\.onautomate/ {f=$0; sub(/^[ \t]+/, "", f); sub(/line:.*/, "", f); if (!(f in seen)) {seen[f]=1; print f}}' \
  "$OUT/profile-$name.txt" | sort | uniq -c | sort -rn | head -25
