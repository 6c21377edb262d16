#!/usr/bin/env bash
# The long forms of the load, fault and hostile-input tests, one command, loopback only, each bounded:
#   1. load without loss: 100,000 distinct applications + 10% exact retries from 32 clients (LOAD_REQUESTS);
#   2. faults: dynalite killed mid-load, down FAULT_SECONDS (30) s, restarted on its port and data dir;
#   3. hostile input: 10,000 generated cases over every route (FUZZ_CASES) plus the fuzz corpus.
# The default test run (`mvn -B verify`, so scripts/test and .ci/run) runs the short forms of the same tests.
# Prints each test's figures (lines starting "load:" and "fault:"). Usage: bench/load/soak.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ -f node_modules/dynalite/cli.js ]] || npm ci --no-audit --no-fund >/dev/null
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
mvn -B -pl functions -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='LoadWithoutLossTest,FaultRecoveryTest,HostileInputTest,FuzzCorpusTest' \
  -Dload.requests="${LOAD_REQUESTS:-100000}" -Dfault.seconds="${FAULT_SECONDS:-30}" \
  -Dfuzz.cases="${FUZZ_CASES:-10000}" >"$log" 2>&1 || status=$?
grep -E '^(load|fault):|Tests run:|FAIL' "$log" | grep -v -- '-- in ' || true
echo "$(uptime | sed 's/.*load/load/')"
exit "$status"
