#!/usr/bin/env python3
"""The scikit-learn peers of risk-model, trained on the same decision log and time split, in one table.

Reads the export of `PeerData` (the decision log as the project's loaders read it: first line the inputs, then one
approved or refused decision a line), splits it by time exactly as `risk-model train` does (--split-date, or the
newest 20% of labelled decisions), trains the peers on the training period only and evaluates them on the test
period, next to the project's models whose metrics.json files are given with --project NAME=DIR.

Peers (all on the same columns: categorical one-hot, multi-categorical multi-hot, numeric as the definition
transforms it, boolean 0/1):
  * the destination's refusal rate in the training period, smoothed towards the overall rate (10 pseudo-decisions);
  * LogisticRegression(C=1), lbfgs, unweighted;
  * LogisticRegression(C=3) + crosses of the categorical inputs (destination x control list entries for the UK log)
    + recency weights (half-life 2 years);
  * HistGradientBoostingClassifier with its defaults.

Metrics as the project computes them: ROC-AUC, average precision, the share of refusals in the top 10% (ties
shared in proportion), expected calibration error over 10 equal-count bins (ties approved first).

Uses Debian's python3-sklearn (/usr/bin/python3); no PyPI packages.
"""
import argparse
import json
import math
import sys
from datetime import datetime, timezone

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

HALF_LIFE_DAYS = 730.0
SMOOTHING = 10.0


def read_export(path):
    with open(path, encoding="utf-8") as f:
        header = json.loads(f.readline())
        rows = [json.loads(line) for line in f if line.strip()]
    for r in rows:
        r["t"] = datetime.fromisoformat(r["decidedAt"].replace("Z", "+00:00"))
    rows.sort(key=lambda r: r["t"])
    return header["specs"], rows


def split_rows(rows, split_date):
    if split_date:
        split = datetime.fromisoformat(split_date).replace(tzinfo=timezone.utc)
    else:  # the trainer's default: the test period starts at the newest 20% of labelled decisions
        split = rows[int(math.floor(len(rows) * 0.8))]["t"]
    return [r for r in rows if r["t"] < split], [r for r in rows if r["t"] >= split], split


def transform(spec, x):
    return math.log1p(max(0.0, x)) if spec["transform"] == "LOG1P" else x


def tokens(specs, raw, crosses):
    """The features of one decision, as (name, value) pairs; crosses pair the values of two inputs."""
    out = []
    values = {}
    for s in specs:
        v = raw.get(s["name"])
        if v is None:
            continue
        kind = s["kind"]
        if kind == "CATEGORICAL":
            out.append((s["name"] + "=" + str(v), 1.0))
            values[s["name"]] = [str(v)]
        elif kind == "MULTI_CATEGORICAL":
            out.extend((s["name"] + "=" + str(x), 1.0) for x in v)
            values[s["name"]] = sorted(str(x) for x in v)
        elif kind == "NUMERIC":
            out.append((s["name"], transform(s, float(v))))
        elif kind == "BOOLEAN" and v:
            out.append((s["name"], 1.0))
    for a, b in crosses:
        for x in values.get(a, []):
            for y in values.get(b, []):
                out.append((a + "x" + b + "=" + x + "x" + y, 1.0))
    return out


def matrix(specs, train, test, crosses=()):
    index = {}
    for r in train:
        for name, _ in tokens(specs, r["raw"], crosses):
            index.setdefault(name, len(index))

    def build(rows):
        data, ind, ptr = [], [], [0]
        for r in rows:
            for name, value in tokens(specs, r["raw"], crosses):
                j = index.get(name)
                if j is not None:
                    ind.append(j)
                    data.append(value)
            ptr.append(len(ind))
        return sp.csr_matrix((data, ind, ptr), shape=(len(rows), len(index)))

    return build(train), build(test)


def cross_pairs(specs):
    categorical = [s["name"] for s in specs if s["kind"] in ("CATEGORICAL", "MULTI_CATEGORICAL")]
    if "destinationCountry" in categorical and "controlListEntries" in categorical:
        return [("destinationCountry", "controlListEntries")]
    return [(categorical[0], categorical[1])] if len(categorical) >= 2 else []


def recall_at_top(scores, y, share):
    """Share of refusals among the top share of scores; a tied group cut by the boundary counts in proportion."""
    n = len(scores)
    k = share * n
    order = np.argsort(-scores, kind="mergesort")
    s, yy = scores[order], y[order]
    taken, found, i = 0.0, 0.0, 0
    while i < n and taken < k:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        size, refusals = j - i, yy[i:j].sum()
        room = min(size, k - taken)
        found += refusals * room / size
        taken += room
        i = j
    return found / y.sum()


def ece(scores, y, bins=10):
    order = np.lexsort((y, scores))
    n = len(scores)
    total, start = 0.0, 0
    for b in range(bins):
        size = n // bins + (1 if b < n % bins else 0)
        if size == 0:
            continue
        idx = order[start:start + size]
        total += size * abs(scores[idx].mean() - y[idx].mean())
        start += size
    return total / n


def figures(scores, y):
    return {"rocAuc": roc_auc_score(y, scores), "averagePrecision": average_precision_score(y, scores),
            "recallAtTop10": recall_at_top(scores, y, 0.10), "ece": ece(scores, y)}


def destination_rate(specs, train, test):
    name = next((s["name"] for s in specs if s["name"] == "destinationCountry"),
                next(s["name"] for s in specs if s["kind"] == "CATEGORICAL"))
    overall = np.mean([r["refused"] for r in train])
    counts = {}
    for r in train:
        d = r["raw"].get(name)
        c = counts.setdefault(d, [0, 0])
        c[0] += r["refused"]
        c[1] += 1
    rate = {d: (c[0] + SMOOTHING * overall) / (c[1] + SMOOTHING) for d, c in counts.items()}
    return np.array([rate.get(r["raw"].get(name), overall) for r in test])


def recency_weights(train):
    newest = train[-1]["t"]
    return np.array([0.5 ** ((newest - r["t"]).total_seconds() / 86400.0 / HALF_LIFE_DAYS) for r in train])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="the PeerData export of the decision log")
    parser.add_argument("--split-date", help="YYYY-MM-DD; default: the newest 20%% of labelled decisions")
    parser.add_argument("--project", action="append", default=[], metavar="NAME=DIR",
                        help="a project model's output directory (its metrics.json), shown in the table")
    parser.add_argument("--json", help="also write the table as JSON to this file")
    args = parser.parse_args()

    specs, rows = read_export(args.export)
    train, test, split = split_rows(rows, args.split_date)
    y_train = np.array([r["refused"] for r in train], dtype=int)
    y_test = np.array([r["refused"] for r in test], dtype=int)
    print(f"train: {len(train):,} decisions before {split.date()} ({y_train.mean():.2%} refused); "
          f"test: {len(test):,} from then on ({y_test.mean():.2%} refused); scikit-learn {sklearn.__version__}",
          file=sys.stderr)

    table = []
    for spec in args.project:
        name, directory = spec.split("=", 1)
        with open(directory + "/metrics.json", encoding="utf-8") as f:
            m = json.load(f)
        table.append((name, {"rocAuc": m["rocAuc"], "averagePrecision": m["averagePrecision"],
                             "recallAtTop10": m["recallAtTop10"], "ece": m.get("expectedCalibrationError")}))

    table.append(("destination's refusal rate (smoothed)", figures(destination_rate(specs, train, test), y_test)))
    x_train, x_test = matrix(specs, train, test)
    lr = LogisticRegression(C=1.0, max_iter=2000).fit(x_train, y_train)
    table.append(("scikit-learn LogisticRegression(C=1)", figures(lr.predict_proba(x_test)[:, 1], y_test)))
    crosses = cross_pairs(specs)
    xc_train, xc_test = matrix(specs, train, test, crosses)
    lrc = LogisticRegression(C=3.0, max_iter=2000).fit(xc_train, y_train, sample_weight=recency_weights(train))
    table.append((f"scikit-learn LR + crosses {crosses} + recency (half-life 2 y), C=3",
                  figures(lrc.predict_proba(xc_test)[:, 1], y_test)))
    hgb = HistGradientBoostingClassifier(random_state=0).fit(x_train.toarray(), y_train)
    table.append(("scikit-learn HistGradientBoostingClassifier", figures(hgb.predict_proba(x_test.toarray())[:, 1],
                                                                         y_test)))

    print("| model | ROC-AUC | average precision | refusals in top 10% | ECE |")
    print("|---|---|---|---|---|")
    for name, f in table:
        e = "n/a" if f["ece"] is None else f"{f['ece']:.4f}"
        print(f"| {name} | {f['rocAuc']:.3f} | {f['averagePrecision']:.3f} | {100 * f['recallAtTop10']:.1f}% | {e} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump([{"model": n, **v} for n, v in table], f, indent=2)


if __name__ == "__main__":
    main()
