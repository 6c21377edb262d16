#!/usr/bin/env bash
# End-to-end load benchmark of the local API against dynalite, with the raw PutItem rate of the same dynalite as the
# ceiling, measured in the same run. Loopback only; every wrk run is bounded by -d.
# Usage: bench/load/run.sh [seconds per run, default 20]   (needs wrk: apt-get install wrk)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
secs="${1:-20}"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_port() { for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

[[ -f functions/target/classpath.txt ]] || mvn -q -B -DskipTests package
[[ -f .local/models/default/manifest.json ]] || java -jar model/target/risk-model.jar train --out .local/models/default >/dev/null

dport=$(free_port)
node node_modules/dynalite/cli.js --host 127.0.0.1 --port "$dport" --createTableMs 0 >/dev/null 2>&1 &
dport_pid=$!
pids+=($dport_pid)
wait_port "$dport"

aport=$(free_port)
java -Dslf4j.internal.verbosity=ERROR -cp "functions/target/functions.jar:$(cat functions/target/classpath.txt)" \
  org.licencerisk.functions.local.LocalApiServer --template template.yaml --port "$aport" \
  --dynamodb-endpoint "http://127.0.0.1:$dport" --model-dir .local/models/default --auth off --threads "${THREADS:-32}" >/dev/null &
api_pid=$!
pids+=($api_pid)
wait_port "$aport"

# The PutItem table, shaped like the applications table's keys.
curl -s -o /dev/null -X POST "http://127.0.0.1:$dport/" -H 'Content-Type: application/x-amz-json-1.0' \
  -H 'X-Amz-Target: DynamoDB_20120810.CreateTable' \
  -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20261129/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
  -H 'X-Amz-Date: 20261129T000000Z' --data '{"TableName":"bench-putitem","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"applicationId","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"applicationId","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}'

echo "== warm-up (10 s, 32 connections)"
wrk -t2 -c32 -d10s -s bench/load/score.lua "http://127.0.0.1:$aport" -- \
  functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json warm >/dev/null
echo "== raw PutItem on dynalite (${secs} s, 32 connections)"
top -b -d "$((secs / 2))" -n 2 -p "$dport_pid" | tail -2 &
wrk -t2 -c32 -d"${secs}s" -s bench/load/putitem.lua "http://127.0.0.1:$dport" -- bench-putitem 1500
echo "== POST /v1/scores end to end (${secs} s, 32 connections); CPU of dynalite and the API server at mid-run"
top -b -d "$((secs / 2))" -n 2 -p "$dport_pid" -p "$api_pid" | tail -3 &
wrk -t2 -c32 -d"${secs}s" --latency -s bench/load/score.lua "http://127.0.0.1:$aport" -- \
  functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json run
echo "== GET /v1/queue?limit=50 end to end (${secs} s, 32 connections)"
wrk -t2 -c32 -d"${secs}s" --latency "http://127.0.0.1:$aport/v1/queue?limit=50"
