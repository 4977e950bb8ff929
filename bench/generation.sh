#!/usr/bin/env bash
# Times `mvn -q generate-sources` of the example consumer (full regeneration and no-op) against
# openapi-generator-maven-plugin generating a Java client from ../shared/gpconnect-swagger/*.yaml and against bare
# `mvn -q validate`, interleaved, and prints medians and ratios.
#
# Usage: bench/generation.sh [runs]      (default 7 runs; MAVEN_OPTS defaults to -Xmx256m)
# Targets: full regeneration <= 0.35 x openapi-generator; no-op <= 1.15 x bare Maven.
# Besides the raw wall-clock ratio, the full/openapi ratio is also printed net of each project's own bare
# `mvn -q validate` (Maven's start-up and the consumer's enforcer run are paid by both and are not generation).
set -euo pipefail

RUNS="${1:-7}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SWAGGER="$ROOT/../shared/gpconnect-swagger"
CONSUMER="$ROOT/examples/consumer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx256m}"
OPENAPI_VERSION=7.25.0

[ -d "$SWAGGER" ] || { echo "missing $SWAGGER (the shared reference folder)" >&2; exit 1; }

echo "Installing the toolkit (plugin, runtime, parent) into the local repository..." >&2
(cd "$ROOT" && mvn -q -B install -DskipTests -Dinvoker.skip -pl examples/consumer -am) >&2

# A throwaway project with one openapi-generator execution per GP Connect OpenAPI file.
mkdir -p "$WORK/openapi"
{
  cat <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>openapi-bench</artifactId><version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build><plugins><plugin>
    <groupId>org.openapitools</groupId><artifactId>openapi-generator-maven-plugin</artifactId>
    <version>$OPENAPI_VERSION</version>
    <executions>
POM
  for yaml in "$SWAGGER"/*.yaml; do
    name="$(basename "$yaml" .yaml)"
    cat <<POM
      <execution><id>$name</id><goals><goal>generate</goal></goals><configuration>
        <inputSpec>$yaml</inputSpec><generatorName>java</generatorName>
        <apiPackage>bench.$name.api</apiPackage><modelPackage>bench.$name.model</modelPackage>
        <output>\${project.build.directory}/generated-sources/openapi-$name</output>
        <skipValidateSpec>true</skipValidateSpec>
      </configuration></execution>
POM
  done
  echo '    </executions></plugin></plugins></build></project>'
} > "$WORK/openapi/pom.xml"

now() { date +%s%N; }
timed() { local start end; start=$(now); "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }; end=$(now); echo $(( (end - start) / 1000000 )); }

bare=() ; full=() ; noop=() ; openapi=() ; openapi_bare=()
run_bare()    { (cd "$CONSUMER" && mvn -q -B -o validate); }
run_full()    { rm -rf "$CONSUMER/target/generated-sources/gpconnect" "$CONSUMER/target/gpconnect-state"; (cd "$CONSUMER" && mvn -q -B -o generate-sources); }
run_noop()    { (cd "$CONSUMER" && mvn -q -B -o generate-sources); }
run_openapi() { rm -rf "$WORK/openapi/target"; (cd "$WORK/openapi" && mvn -q -B -o generate-sources); }
run_openapi_bare() { (cd "$WORK/openapi" && mvn -q -B -o validate); }

echo "Warming up (downloads openapi-generator once)..." >&2
(rm -rf "$WORK/openapi/target"; cd "$WORK/openapi" && mvn -q -B generate-sources) > /dev/null 2>&1 \
  || { echo "openapi-generator warm-up failed" >&2; exit 1; }
run_full > /dev/null; run_noop > /dev/null; run_bare > /dev/null

for i in $(seq 1 "$RUNS"); do
  bare+=("$(timed run_bare)")
  full+=("$(timed run_full)")
  noop+=("$(timed run_noop)")
  openapi+=("$(timed run_openapi)")
  openapi_bare+=("$(timed run_openapi_bare)")
  echo "run $i: bare ${bare[-1]} ms, full ${full[-1]} ms, no-op ${noop[-1]} ms, openapi ${openapi[-1]} ms" \
    "(its bare validate ${openapi_bare[-1]} ms)" >&2
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bare[@]}"); mf=$(median "${full[@]}"); mn=$(median "${noop[@]}"); mo=$(median "${openapi[@]}")
mob=$(median "${openapi_bare[@]}")
echo "Medians over $RUNS interleaved runs (MAVEN_OPTS=$MAVEN_OPTS):"
echo "  bare mvn -q validate                 ${mb} ms"
echo "  gpconnect generate, full             ${mf} ms"
echo "  gpconnect generate, no-op            ${mn} ms"
echo "  openapi-generator (3 specs, java)    ${mo} ms"
echo "  its project, bare mvn -q validate    ${mob} ms"
awk -v f="$mf" -v o="$mo" -v n="$mn" -v b="$mb" -v ob="$mob" 'BEGIN {
  printf "  full / openapi-generator = %.2f wall clock (target <= 0.35)\n", f / o;
  printf "  full / openapi-generator = %.2f net of each project'"'"'s bare validate\n", (f - b) / (o - ob);
  printf "  no-op / bare Maven       = %.2f (target <= 1.15)\n", n / b }'
