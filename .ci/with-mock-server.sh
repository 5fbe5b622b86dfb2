#!/usr/bin/env bash
# Runs a command against java -jar mock-server.jar on a free port of 127.0.0.1, with
# MOCK_URL=http://127.0.0.1:<port> in its environment; stops the server afterwards, whatever happens.
# The server keeps its defaults (H2 in memory, demo data) unless MOCK_SERVER_ARGS adds Spring arguments
# (e.g. --spring.datasource.url=...); its log goes to MOCK_SERVER_LOG (default: a temporary file).
# Usage: .ci/with-mock-server.sh COMMAND [ARG...]   (needs the packaged mock-server/target/mock-server.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
log="${MOCK_SERVER_LOG:-$(mktemp)}"
read -r -a extra <<<"${MOCK_SERVER_ARGS:-}"
java -jar mock-server/target/mock-server.jar --server.port=0 "${extra[@]}" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [ -n "${MOCK_SERVER_LOG:-}" ] || rm -f "$log"' EXIT
for ((i = 0; i < 1200; i++)); do
  grep -q "ready at" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "the mock server stopped before it was ready" >&2; exit 1; }
  sleep 0.1
done
MOCK_URL=$(grep -o "ready at http://[0-9.]*:[0-9]*" "$log" | head -1 | sed 's/ready at //')
[ -n "$MOCK_URL" ] || { cat "$log" >&2; echo "the mock server was not ready after 120 s" >&2; exit 1; }
export MOCK_URL
echo "mock-server.jar ready at $MOCK_URL after $((i / 10)).$((i % 10)) s"
"$@"
