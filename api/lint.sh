#!/usr/bin/env bash
# Lints the contract with the pinned Spectral (spectral:oas) and Redocly (recommended, strict):
# any error or warning fails. Needs Node.js and npm; installs the pinned linters on first use.
set -euo pipefail
cd "$(dirname "$0")"
spec=src/main/resources/openapi.yaml

if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "== Spectral (spectral:oas, failing on warnings)"
node_modules/.bin/spectral lint "$spec" --ruleset .spectral.yaml --fail-severity=warn

echo "== Redocly (recommended-strict: every recommended warning is an error)"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint "$spec" --config redocly.yaml 2>&1 | grep -v '[║╔╚]'
exit "${PIPESTATUS[0]}"
