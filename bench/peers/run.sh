#!/usr/bin/env bash
# The scikit-learn peers next to the project's models, on any decision log and split `risk-model train` accepts:
#
#   bench/peers/run.sh --data ../shared/data/uk-siel/decisions-2008-2012.csv \
#       --schema ../shared/data/uk-siel/schema.json --split-date 2011-01-01
#   bench/peers/run.sh --data decisions.jsonl                 # JSON Lines; default split (newest 20%)
#
# Trains `risk-model train` (logistic and xgboost, default options: settings chosen on the training period) and the
# peers of bench/peers/peers.py on the same training period, evaluates all on the same test period and prints one
# table. Installs Debian's python3-sklearn with apt-get if it is missing (root; `apt-get update` first).
# Environment: PYTHON (default /usr/bin/python3), OUT (work directory, default .local/peers), SKIP_BUILD=1,
# TRAINERS (default "logistic xgboost").
set -euo pipefail
cd "$(dirname "$0")/../.."

data="" schema="" split=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --schema) schema="$2"; shift 2 ;;
    --split-date) split="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$data" ]] || { echo "give --data FILE (and --schema FILE for a CSV log)" >&2; exit 2; }

PYTHON="${PYTHON:-/usr/bin/python3}"
OUT="${OUT:-.local/peers}"
TRAINERS="${TRAINERS:-logistic xgboost}"
mkdir -p "$OUT"

if ! "$PYTHON" -c 'import sklearn' 2>/dev/null; then
  echo "installing python3-sklearn (Debian)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn >/dev/null
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B -Pbench -DskipTests -pl bench -am package
fi

schema_args=() split_args=()
[[ -n "$schema" ]] && schema_args=(--schema "$schema")
[[ -n "$split" ]] && split_args=(--split-date "$split")

java -cp bench/target/benchmarks.jar org.licencerisk.bench.PeerData "$data" ${schema:+"$schema"} "$OUT/export.jsonl"
project=()
for trainer in $TRAINERS; do
  rm -rf "$OUT/$trainer"
  echo "training risk-model ($trainer)" >&2
  java -jar model/target/risk-model.jar train --trainer "$trainer" --data "$data" "${schema_args[@]}" \
    "${split_args[@]}" --out "$OUT/$trainer" > "$OUT/$trainer.txt" 2> "$OUT/$trainer.progress"
  project+=(--project "risk-model train --trainer $trainer=$OUT/$trainer")
done
"$PYTHON" bench/peers/peers.py "$OUT/export.jsonl" "${split_args[@]}" "${project[@]}" --json "$OUT/table.json"
