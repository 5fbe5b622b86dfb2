#!/usr/bin/env bash
# Lints the contract with the pinned Spectral (spectral:oas) and Redocly (recommended, strict)
# and checks that the pinned Prism loads it without a warning:
# any error or warning fails. Needs Node.js and npm; installs the pinned linters on first use.
set -euo pipefail
cd "$(dirname "$0")"
spec=src/main/resources/openapi.yaml

if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ] || [ ! -x node_modules/.bin/prism ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "== Spectral (spectral:oas, failing on warnings)"
node_modules/.bin/spectral lint "$spec" --ruleset .spectral.yaml --fail-severity=warn

echo "== Redocly (recommended-strict: every recommended warning is an error)"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint "$spec" --config redocly.yaml 2>&1 | grep -v '[║╔╚]'
[ "${PIPESTATUS[0]}" = 0 ] || exit 1

echo "== Prism (loads the contract without a warning and mocks the vendor's GET example)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 40100)
log=$(mktemp)
node_modules/.bin/prism mock -h 127.0.0.1 -p "$port" "$spec" >"$log" 2>&1 &
prism=$!
trap 'kill $prism 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 60); do
  grep -q "Prism is listening" "$log" && break
  kill -0 $prism 2>/dev/null || break
  sleep 0.5
done
if ! grep -q "Prism is listening" "$log" || grep -qiE "warn|error" "$log"; then
  cat "$log"
  echo "Prism did not load the contract cleanly" >&2
  exit 1
fi
operations=$(grep -cE "info +(GET|POST|PUT|DELETE) " "$log")
body=$(curl -sf -H 'Authorization: Bearer any' \
  "http://127.0.0.1:$port/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e")
if [ "$operations" != 6 ] || ! grep -q '"id":"7XExm1wr8gFeZpl6rQny"' <<<"$body"; then
  cat "$log"
  echo "Prism mocked $operations operations (want 6) and answered: $body" >&2
  exit 1
fi
echo "Prism mocks the 6 operations; no warnings."
