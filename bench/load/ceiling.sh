#!/usr/bin/env bash
# The local API against the real storage ceiling, in one run: the API's own DynamoDB requests are recorded through a
# proxy in front of dynalite (record-proxy.js), then replayed once each straight to a fresh dynalite of the same kind
# (replay.js); the API itself is measured against its own fresh dynalite with no proxy. Every process is warmed up
# first: the API until its CPU per request changes by less than 10 % between two 10 s windows (at most 8 windows),
# dynalite by replaying a separate warm-up recording. Loopback only; every wrk run is bounded by -d.
#
# Usage: bench/load/ceiling.sh [seconds per measured run, default 20]
#   STORAGE=memory (default) or disk (dynalite --path in a temporary folder); THREADS (32): server request threads.
# Prints the load average before each phase, then one summary table (markdown). Needs wrk (apt-get install wrk).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
secs="${1:-20}"
storage="${STORAGE:-memory}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

app=functions/src/main/resources/org/licencerisk/functions/scores/priming-application.json
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_port() { for _ in $(seq 1 1200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }                     # CPU of a process, 1/100 s
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
count() { awk '/requests in/ {print $1}' "$1"; }
pct() { awk -v p="$2" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; printf "%.2f", v }' "$1"; }
per_req() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.3f", t * 10 / n }'; }  # ticks -> ms per request

[[ -f functions/target/classpath.txt && -f functions/target/functions.jar ]] || mvn -q -B -DskipTests package
[[ -f .local/models/default/manifest.json ]] || java -jar model/target/risk-model.jar train --out .local/models/default >/dev/null

start_dynalite() { # port -> pid in $dpid
  local args=(--host 127.0.0.1 --port "$1" --createTableMs 0)
  if [[ "$storage" == disk ]]; then mkdir -p "$work/data-$1"; args+=(--path "$work/data-$1"); fi
  node node_modules/dynalite/cli.js "${args[@]}" >/dev/null 2>&1 &
  dpid=$!; pids+=("$dpid"); wait_port "$1"
}
start_api() { # dynamodb port -> pid in $apid, port in $aport
  aport=$(free_port)
  java -Dslf4j.internal.verbosity=ERROR -cp "functions/target/functions.jar:$(cat functions/target/classpath.txt)" \
    org.licencerisk.functions.local.LocalApiServer --template template.yaml --port "$aport" \
    --dynamodb-endpoint "http://127.0.0.1:$1" --model-dir .local/models/default --auth off \
    --threads "${THREADS:-32}" --rescore-check-seconds 0 >/dev/null &
  apid=$!; pids+=("$apid"); wait_port "$aport"
}
score() { # connections seconds tag out
  wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2s" --latency -s bench/load/score.lua "http://127.0.0.1:$aport" -- "$app" "$3" >"$4"
}
warm_up() { # until the API's CPU per request settles
  local prev=0 i=1
  while (( i <= 8 )); do
    local t0; t0=$(ticks "$apid")
    score 32 10 "warm$i-$RANDOM" "$work/warm.txt"
    local ms; ms=$(per_req "$(( $(ticks "$apid") - t0 ))" "$(count "$work/warm.txt")")
    echo "   warm-up window $i: $(rate "$work/warm.txt") req/s, API CPU $ms ms/request, $(grep statuses: "$work/warm.txt") (load $(load))"
    if awk -v a="$prev" -v b="$ms" 'BEGIN { exit !(a > 0 && (a - b) / a < 0.10 && (b - a) / a < 0.10) }'; then
      echo "   settled after $i windows"; return
    fi
    prev=$ms; i=$((i + 1))
  done
  echo "   not settled after 8 windows (stated as such)"
}

echo "== storage: $storage; ${secs} s per measured run; load before: $(load)"

echo "== 1. recording the API's storage requests (API -> proxy -> dynalite)"
dport=$(free_port); start_dynalite "$dport"; rec_dynalite=$dpid
pport=$(free_port)
node bench/load/record-proxy.js "$pport" "$dport" "$work" & pids+=($!); wait_port "$pport"
curl -s -o /dev/null "http://127.0.0.1:$pport/__record/setup"
start_api "$pport"; rec_api=$apid
curl -s -o /dev/null "http://127.0.0.1:$pport/__record/off"
warm_up
for name in replay-warm replay-1 replay-32; do
  curl -s -o /dev/null "http://127.0.0.1:$pport/__record/$name"
  score 32 "$secs" "$name-$RANDOM" "$work/$name.txt"
done
curl -s -o /dev/null "http://127.0.0.1:$pport/__record/off"
per_api=$(awk -v r="$(wc -l <"$work/replay-32.jsonl")" -v n="$(count "$work/replay-32.txt")" 'BEGIN { printf "%.3f", r / n }')
echo "   recorded $(wc -l <"$work/replay-32.jsonl") storage requests for $(count "$work/replay-32.txt") scored requests: $per_api each; kinds:"
sed 's/.*"target":"DynamoDB_20120810\.\([A-Za-z]*\)".*/\1/' "$work/replay-32.jsonl" | sort | uniq -c | sed 's/^/     /'
kill "$rec_api" "$rec_dynalite"; wait "$rec_api" "$rec_dynalite" 2>/dev/null || true

echo "== 2. the API on its own dynalite (no proxy); load: $(load)"
dport=$(free_port); start_dynalite "$dport"
start_api "$dport"
warm_up
declare -A api_rate api_p50 api_p99 api_cpu dyn_cpu
for c in 1 32; do
  ta=$(ticks "$apid"); td=$(ticks "$dpid")
  score "$c" "$secs" "api$c-$RANDOM" "$work/api-$c.txt"
  n=$(count "$work/api-$c.txt")
  api_rate[$c]=$(rate "$work/api-$c.txt"); api_p50[$c]=$(pct "$work/api-$c.txt" 50%); api_p99[$c]=$(pct "$work/api-$c.txt" 99%)
  api_cpu[$c]=$(per_req "$(( $(ticks "$apid") - ta ))" "$n"); dyn_cpu[$c]=$(per_req "$(( $(ticks "$dpid") - td ))" "$n")
  echo "   $c connection(s): ${api_rate[$c]} req/s, p50 ${api_p50[$c]} ms, p99 ${api_p99[$c]} ms (load $(load))"
  grep -E "Non-2xx|Socket errors|statuses:" "$work/api-$c.txt" | sed 's/^ */   /' || true
done
kill "$apid" "$dpid"; wait "$apid" "$dpid" 2>/dev/null || true

echo "== 3. the recording replayed straight to a fresh dynalite; load: $(load)"
dport=$(free_port); start_dynalite "$dport"
node bench/load/replay.js "$dport" "$work/setup.jsonl" 1 >/dev/null
node bench/load/replay.js "$dport" "$work/replay-warm.jsonl" 32 >/dev/null
declare -A rep
for c in 1 32; do
  td=$(ticks "$dpid")
  rep[$c]=$(node bench/load/replay.js "$dport" "$work/replay-$c.jsonl" "$c")
  n=$(wc -l <"$work/replay-$c.jsonl")
  rep_dyn[$c]=$(per_req "$(( $(ticks "$dpid") - td ))" "$n")
  echo "   $c connection(s): ${rep[$c]}, dynalite CPU ${rep_dyn[$c]} ms/storage request (load $(load))"
done

echo
echo "| storage | connections | API req/s | API p50 / p99 ms | ceiling (replayed, API requests/s) | replay p50 / p99 ms per storage request | API share | CPU ms/request: API / its dynalite | CPU ms/storage request: dynalite / replayer |"
echo "|---|---|---|---|---|---|---|---|---|"
for c in 1 32; do
  j="${rep[$c]}"
  per_s=$(node -e "console.log(JSON.parse(process.argv[1]).perSecond)" "$j")
  ceiling=$(awk -v r="$per_s" -v k="$per_api" 'BEGIN { printf "%.1f", r / k }')
  share=$(awk -v a="${api_rate[$c]}" -v b="$ceiling" 'BEGIN { printf "%.0f %%", 100 * a / b }')
  echo "| $storage | $c | ${api_rate[$c]} | ${api_p50[$c]} / ${api_p99[$c]} | $ceiling | $(node -e "const j=JSON.parse(process.argv[1]);console.log(j.p50ms+' / '+j.p99ms)" "$j") | $share | ${api_cpu[$c]} / ${dyn_cpu[$c]} | ${rep_dyn[$c]} / $(node -e "console.log(JSON.parse(process.argv[1]).replayerCpuMsPerRequest)" "$j") |"
done
echo "load after: $(load)"
