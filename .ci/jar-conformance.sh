#!/usr/bin/env bash
# The main job once more, against the mock server as a user starts it: java -jar mock-server.jar
# (its fast start: a child JVM, the CDS archive, Spring's AOT context) on PostgreSQL, verified by
# java -jar conformance.jar --base-url. Needs the packaged jars and a running .ci/postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${ONAUTOMATE_JAR_PORT:-58080}"
LOG=mock-server/target/jar-conformance-server.log
DB_URL=$(.ci/postgres.sh fresh-db onautomate_jar_conformance)

java -jar mock-server/target/mock-server.jar --server.port="$PORT" --spring.datasource.url="$DB_URL" >"$LOG" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for ((i = 0; i < 1200; i++)); do
  grep -q "ready at" "$LOG" && break
  kill -0 "$server" 2>/dev/null || { cat "$LOG" >&2; echo "the mock server stopped before it was ready" >&2; exit 1; }
  sleep 0.1
done
grep -q "ready at" "$LOG" || { cat "$LOG" >&2; echo "the mock server was not ready after 120 s" >&2; exit 1; }
echo "mock-server.jar on PostgreSQL ready at http://127.0.0.1:$PORT after $((i / 10)).$((i % 10)) s"

java -jar contract-tests/target/conformance.jar --base-url "http://127.0.0.1:$PORT" \
  --token demo-token --other-token demo-token-2 --pipeline-id bCkKGpDsyPP4peuKowkG \
  --stage-id 8b897c8f-b859-49c1-88f2-ed590708a85c --stage-id 7915dedc-8f18-44d5-8bc3-77c04e994a10 \
  --stage-id 3f1f6c9e-2d9b-4a51-9a57-4a1c3c1e8a01 --stage-id c0a5d7e2-6b0e-4f6d-8a43-0f5e2b9d7c12 \
  --junit-xml contract-tests/target/conformance-jar-postgresql.xml
