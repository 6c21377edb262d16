#!/usr/bin/env bash
# scripts/local-api (built, model present) to its first scored response: N times, starts the one command with a fresh
# in-memory dynalite on free ports, posts an application as soon as the port accepts, prints launch -> first 201 and
# stops it. The first run after a build also writes the class-data-sharing archive (as a user's first run does).
# Usage: bench/load/local-api-first-response.sh [runs, default 5]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-5}"
body=functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  start=$(date +%s%N)
  PORT="$port" DYNALITE_DATA=memory RESCORE_CHECK_SECONDS=0 scripts/local-api >/dev/null 2>&1 &
  stack=$!
  until status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      --data "$(sed "s/PRIMING-0000/SCRIPT-$i-$start/" "$body")" "http://127.0.0.1:$port/v1/scores" 2>/dev/null) \
      && [[ "$status" == 201 ]]; do
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "run $i: scripts/local-api launch to first 201 in $(( (end - start) / 1000000 )) ms (load $(cut -d' ' -f1-3 /proc/loadavg))"
  kill -INT "$stack"; wait "$stack" 2>/dev/null || true
done
