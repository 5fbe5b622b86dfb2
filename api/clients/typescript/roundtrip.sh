#!/usr/bin/env bash
# The TypeScript client round trip (api/CLIENTS.md): generates the typescript-fetch client from the contract
# with the openapi-generator of the parent pom (its CLI jar from Maven Central), compiles it and src/ with the
# pinned TypeScript in strict mode, and runs src/roundtrip.ts against $MOCK_URL (or $1).
# In .ci/run: .ci/with-mock-server.sh api/clients/typescript/roundtrip.sh
set -euo pipefail
cd "$(dirname "$0")"
root=../../..
base_url="${1:-${MOCK_URL:?set MOCK_URL or pass the base URL}}"
version=$(sed -n 's#.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*#\1#p' "$root/pom.xml")
jar="$root/target/tools/openapi-generator-cli-$version.jar"
if [ ! -f "$jar" ]; then
  "$root/mvnw" -B -q -ntp -f "$root/pom.xml" -N dependency:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$version" -DoutputDirectory="$(cd "$root" && pwd)/target/tools"
fi

echo "== openapi-generator $version: typescript-fetch"
rm -rf target && mkdir target
java -jar "$jar" generate -i "$root/api/src/main/resources/openapi.yaml" -g typescript-fetch -o target/generated \
  --generate-alias-as-model --additional-properties=importFileExtension=.js,supportsES6=true \
  >target/generate.log 2>&1 || { cat target/generate.log; exit 1; }
grep -E "^\[main\] (WARN|ERROR)" target/generate.log || echo "no warnings"

echo "== tsc (strict) $(node -e 'console.log(require("./package-lock.json").packages["node_modules/typescript"].version)')"
[ -x node_modules/.bin/tsc ] || npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/tsc -p tsconfig.json

echo "== round trip against $base_url"
node target/dist/src/roundtrip.js "$base_url"
