#!/usr/bin/env bash
# Process start to first scored response of the scoring function in a fresh JVM, as the Lambda runtime calls it
# (ColdStart.java: no-argument constructor, configuration from the environment, one handleRequest), against dynalite on
# 127.0.0.1 and the default model. Prints each run (the JVM's own start-to-response time and launch-to-exit wall time)
# and the medians. Builds nothing: run `mvn -q -B -DskipTests package` first.
#
# Usage: bench/cold-start/run.sh [runs, default 7]
# Environment: CDS=off|on (on: dump an AppCDS archive of the classes of one run first, then use it),
#              JAVA_OPTS (e.g. -XX:TieredStopAtLevel=1, which the Lambda Java 17 runtime uses by default).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-7}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

jar=functions/target/licence-risk-functions.jar
serialization="$(tr ":" "\n" < functions/target/classpath.txt | grep -E "aws-lambda-java-serialization|joda-time" | paste -sd:)"
javac -nowarn -d "$work/classes" -cp "$jar:$serialization" bench/cold-start/ColdStart.java
# A jar, not a directory: class-data sharing accepts only jars on the class path.
jar cf "$work/cold-start.jar" -C "$work/classes" .
cp="$jar:$serialization:$work/cold-start.jar"

model="${MODEL_DIR:-$root/.local/models/default}"
if [[ ! -f "$model/manifest.json" ]]; then
  java -jar model/target/risk-model.jar train --out "$model" >/dev/null 2>&1
fi
dport="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
node node_modules/dynalite/cli.js --host 127.0.0.1 --port "$dport" --createTableMs 0 >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$dport") 2>/dev/null && break; sleep 0.1; done

export APPLICATIONS_TABLE=cold-applications MODELS_TABLE=cold-models MODEL_DIR="$model" AWS_REGION=eu-west-1 \
  DYNAMODB_ENDPOINT="http://127.0.0.1:$dport" DYNAMODB_TIMEOUT_MS=2000 AWS_LAMBDA_FUNCTION_NAME=ScoresFunction
body=functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json
java -cp "$cp" ColdStart setup >/dev/null 2>&1

cds_option=-Xshare:auto
if [[ "${CDS:-off}" == on ]]; then
  java -XX:ArchiveClassesAtExit="$work/cold.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS:-} -cp "$cp" \
    ColdStart "$body" "DUMP-$$" >"$work/dump.log" 2>&1 || { tail -5 "$work/dump.log" >&2; exit 1; }
  cds_option="-XX:SharedArchiveFile=$work/cold.jsa"
fi

inner=()
wall=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  line="$(java "$cds_option" -Xlog:cds=off ${JAVA_OPTS:-} -cp "$cp" ColdStart "$body" "COLD-$i-$start" 2>"$work/err" \
    | grep "^status " || true)"
  end=$(date +%s%N)
  [[ "$line" == "status 201 "* ]] || { echo "run $i did not score: $line" >&2; head -8 "$work/err" >&2; exit 1; }
  ms="$(sed 's/.*response \([0-9]*\) ms.*/\1/' <<<"$line")"
  inner+=("$ms")
  wall+=($(( (end - start) / 1000000 )))
  echo "run $i: first response ${ms} ms after JVM start; launch to exit ${wall[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs (CDS=${CDS:-off}, JAVA_OPTS=${JAVA_OPTS:-none}): first response $(median "${inner[@]}") ms," \
  "launch to exit $(median "${wall[@]}") ms; package $(stat -c %s "$jar") bytes; $(uptime | sed 's/.*load/load/')"
