#!/usr/bin/env bash
# After .ci/run's deploy to target/local-deploy: checks every published artifact (CheckDeployment.java), then
# builds .ci/partner as a partner would (BOM imported, client without a version) from that repository
# alone, checks the client's runtime classpath, and runs the partner's program against the mock server.
# The partner build has its own local repository (target/partner-m2; ~/.m2 is only read, as its tail).
set -euo pipefail
cd "$(dirname "$0")/.."
repository="$PWD/target/local-deploy"
version=$(sed -n '/<artifactId>onautomate-opportunities-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)

java .ci/CheckDeployment.java "$repository" "$version"

echo "== A partner's build resolves the client through the BOM from the deployment"
classpath=.ci/partner/target/runtime-classpath.txt
./mvnw -B -q -ntp -f .ci/partner/pom.xml -Dmaven.repo.local="$PWD/target/partner-m2" \
  -Dmaven.repo.local.tail="$HOME/.m2/repository" -Dtoolkit.repository="file://$repository" -Dtoolkit.version="$version" \
  package dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$classpath"
jars=$(tr ':' '\n' <"$classpath" | grep -c '\.jar$')
echo "client runtime classpath: $jars jars (client/README.md lists them)"
tr ':' '\n' <"$classpath" | sed 's#.*/##' | sort
[ "$jars" -le 16 ] || { echo "the client's runtime classpath grew to $jars jars: update client/README.md or trim it" >&2; exit 1; }

echo "== The partner's program lists the demo pipeline of a mock server"
out=$(.ci/with-mock-server.sh bash -c 'java -cp ".ci/partner/target/classes:$(cat '"$classpath"')" \
  com.example.partner.ListDemoPipeline "$MOCK_URL" demo-token bCkKGpDsyPP4peuKowkG')
echo "$out"
grep -q "123akv4LFn6C9frZoy3e First Opp" <<<"$out" || { echo "the partner's program did not list the demo opportunity" >&2; exit 1; }
