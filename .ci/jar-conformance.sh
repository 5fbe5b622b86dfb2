#!/usr/bin/env bash
# The main job once more, against the mock server as a user starts it: java -jar mock-server.jar
# (its fast start: a child JVM, the CDS archive, Spring's AOT context) on PostgreSQL, on a free port,
# verified by java -jar conformance.jar --base-url. Needs the packaged jars and a running .ci/postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_URL=$(.ci/postgres.sh fresh-db onautomate_jar_conformance)
echo "mock-server.jar on PostgreSQL ($DB_URL)"
MOCK_SERVER_ARGS="--spring.datasource.url=$DB_URL" MOCK_SERVER_LOG=mock-server/target/jar-conformance-server.log \
  .ci/with-mock-server.sh bash -c 'java -jar contract-tests/target/conformance.jar --base-url "$MOCK_URL" \
  --token demo-token --other-token demo-token-2 --pipeline-id bCkKGpDsyPP4peuKowkG \
  --stage-id 8b897c8f-b859-49c1-88f2-ed590708a85c --stage-id 7915dedc-8f18-44d5-8bc3-77c04e994a10 \
  --stage-id 3f1f6c9e-2d9b-4a51-9a57-4a1c3c1e8a01 --stage-id c0a5d7e2-6b0e-4f6d-8a43-0f5e2b9d7c12 \
  --junit-xml contract-tests/target/conformance-jar-postgresql.xml'
