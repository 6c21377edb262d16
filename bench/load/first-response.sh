#!/usr/bin/env bash
# Process start to first scored response: starts the local API server (dynalite already running, model on disk),
# posts an application as soon as the port accepts, and prints the time from launch to the 201. Repeats N times.
# Usage: bench/load/first-response.sh [runs, default 5]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-5}"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

dport=$(free_port)
node node_modules/dynalite/cli.js --host 127.0.0.1 --port "$dport" --createTableMs 0 >/dev/null 2>&1 &
pids+=($!)
sleep 1
body=functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json
cp="functions/target/functions.jar:$(cat functions/target/classpath.txt)"
# With CDS=on (as scripts/local-api runs it), a class-data-sharing archive is dumped by an extra first run.
cds_option=-Xshare:auto
if [[ "${CDS:-on}" == on ]]; then
  archive="$(mktemp -d)/first-response.jsa"
  port=$(free_port)
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -Dslf4j.internal.verbosity=ERROR \
    -cp "$cp" org.licencerisk.functions.local.LocalApiServer --template template.yaml --port "$port" \
    --dynamodb-endpoint "http://127.0.0.1:$dport" --model-dir .local/models/default --auth off >/dev/null &
  server=$!
  until curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data @"$body" "http://127.0.0.1:$port/v1/scores"; do sleep 0.05; done
  kill "$server"; wait "$server" 2>/dev/null || true
  cds_option="-XX:SharedArchiveFile=$archive"
fi
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  start=$(date +%s%N)
  java "$cds_option" ${JAVA_OPTS:-} -Xlog:cds=off -Dslf4j.internal.verbosity=ERROR -cp "$cp" org.licencerisk.functions.local.LocalApiServer --template template.yaml \
    --port "$port" --dynamodb-endpoint "http://127.0.0.1:$dport" --model-dir .local/models/default --auth off >/dev/null &
  server=$!
  until status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      --data "$(sed "s/PRIMING-0000/FIRST-$i-$start/" "$body")" "http://127.0.0.1:$port/v1/scores" 2>/dev/null) \
      && [[ "$status" == 201 ]]; do
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "run $i: launch to first 201 in $(( (end - start) / 1000000 )) ms"
  kill "$server"; wait "$server" 2>/dev/null || true
done
