#!/usr/bin/env bash
# The Python, Go and C# commands of api/CLIENTS.md, as written there: each generates from the contract with
# the openapi-generator of the parent pom, with exit 0, no warning about the spec (the Python generator's
# "Failed to get the schema name: null" comes for any spec) and the contract's schema names as model names.
# The Python client is byte-compiled; Go and C# need toolchains and registries this CI does not have.
set -euo pipefail
cd "$(dirname "$0")"
root=../..
version=$(sed -n 's#.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*#\1#p' "$root/pom.xml")
jar="$root/target/tools/openapi-generator-cli-$version.jar"
if [ ! -f "$jar" ]; then
  "$root/mvnw" -B -q -ntp -f "$root/pom.xml" -N dependency:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$version" -DoutputDirectory="$(cd "$root" && pwd)/target/tools"
fi
spec="$root/api/src/main/resources/openapi.yaml"
out=target/generators
rm -rf "$out" && mkdir -p "$out"

generate() { # name, expected model files (one per schema), generator arguments...
  local name=$1 models=$2
  shift 2
  java -jar "$jar" generate -i "$spec" -o "$out/$name" "$@" >"$out/$name.log" 2>&1 || { cat "$out/$name.log"; exit 1; }
  local warnings
  warnings=$(grep -E "^\[main\] (WARN|ERROR)" "$out/$name.log" | grep -v "ModelUtils - Failed to get the schema name: null" || true)
  [ -z "$warnings" ] || { echo "$name: $warnings" >&2; exit 1; }
  for model in $models; do
    [ -f "$out/$name/$model" ] || { echo "$name: no $model (model names changed?)" >&2; ls -R "$out/$name" | head -50 >&2; exit 1; }
  done
  echo "$name: generated, no warnings about the spec, $(wc -w <<<"$models") models under their schema names"
}

generate python "$(printf 'onautomate_opportunities/models/%s.py ' opportunity opportunity_request opportunity_status \
  opportunity_status_request opportunity_list page_meta contact error_message field_error validation_errors)" \
  -g python --generate-alias-as-model --additional-properties=packageName=onautomate_opportunities,projectName=onautomate-opportunities
python3 -m compileall -q "$out/python/onautomate_opportunities" >/dev/null && echo "python: byte-compiles"

generate go "$(printf 'model_%s.go ' opportunity opportunity_request opportunity_status opportunity_status_request \
  opportunity_list page_meta contact error_message field_error)" \
  -g go --additional-properties=packageName=opportunities,isGoSubmodule=false,generateInterfaces=true

generate csharp "$(printf 'src/OnAutomate.Opportunities/Model/%s.cs ' Opportunity OpportunityRequest OpportunityStatus \
  OpportunityStatusRequest OpportunityList PageMeta Contact ErrorMessage FieldError)" \
  -g csharp --additional-properties=packageName=OnAutomate.Opportunities,library=httpclient,nullableReferenceTypes=true,targetFramework=net8.0
