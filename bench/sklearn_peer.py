#!/usr/bin/env python3
"""scikit-learn peer of the Java scorer.

Trains scikit-learn's LogisticRegression on the same synthetic data, encoded by the same Java feature definition
(exported by `java -cp bench/target/benchmarks.jar org.licencerisk.bench.BenchTool export-features FILE`), and times
`predict_proba` on one row, many times, with time.perf_counter_ns. Prints the median and p99 in microseconds and
writes them as JSON (--json) for scripts/bench-model.

Uses Debian's python3-sklearn (/usr/bin/python3); no PyPI packages.
"""
import argparse
import json
import platform
import statistics
import sys
import time

import numpy as np
import scipy
import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score


def read_rows(path):
    train, test = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            (train if row["split"] == "train" else test).append((row["features"], 1 if row["refused"] else 0))
    return train, test


def percentile(sorted_values, q):
    """Nearest-rank percentile of an ascending list."""
    k = max(0, min(len(sorted_values) - 1, int(round(q / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def time_calls(fn, rows, repetitions, warmup):
    """Calls fn on rows in turn; returns the per-call times in nanoseconds, ascending."""
    n = len(rows)
    for i in range(warmup):
        fn(rows[i % n])
    times = []
    clock = time.perf_counter_ns
    for i in range(repetitions):
        row = rows[i % n]
        start = clock()
        fn(row)
        times.append(clock() - start)
    times.sort()
    return times


def summary(times):
    return {
        "p50_us": statistics.median(times) / 1000.0,
        "p99_us": percentile(times, 99) / 1000.0,
        "mean_us": statistics.fmean(times) / 1000.0,
        "calls": len(times),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("features", help="the JSON Lines export of BenchTool export-features")
    parser.add_argument("--repetitions", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the figures are the median over runs")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args()

    train, test = read_rows(args.features)
    vectorizer = DictVectorizer(sparse=True)
    x_train = vectorizer.fit_transform([f for f, _ in train])
    y_train = np.array([y for _, y in train])
    x_test = vectorizer.transform([f for f, _ in test])
    y_test = np.array([y for _, y in test])
    # Class-weighted like the Java trainer; lbfgs is scikit-learn's default solver.
    model = LogisticRegression(class_weight="balanced", max_iter=2000)
    start = time.perf_counter()
    model.fit(x_train, y_train)
    fit_seconds = time.perf_counter() - start
    auc = roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])

    # One row at a time, as a service scores: a dense (1, d) array, the cheapest input predict_proba takes.
    dense_rows = [x_test[i].toarray() for i in range(min(512, x_test.shape[0]))]
    # The closer analogue of our full path's encoding step: the feature dict vectorised, then predicted.
    dict_rows = [f for f, _ in test[:512]]

    def predict_dense(row):
        model.predict_proba(row)

    def predict_dict(row):
        model.predict_proba(vectorizer.transform([row]))

    results = {"dense": [], "dict": []}
    for _ in range(args.runs):
        results["dense"].append(summary(time_calls(predict_dense, dense_rows, args.repetitions, 20_000)))
        results["dict"].append(summary(time_calls(predict_dict, dict_rows, max(1, args.repetitions // 10), 2_000)))

    def median_over_runs(runs):
        return {k: statistics.median(r[k] for r in runs) for k in ("p50_us", "p99_us", "mean_us")} | {
            "runs": len(runs), "calls_per_run": runs[0]["calls"]}

    out = {
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "train_rows": x_train.shape[0],
        "features": x_train.shape[1],
        "fit_seconds": fit_seconds,
        "test_roc_auc": auc,
        "predict_proba_dense_row": median_over_runs(results["dense"]),
        "dictvectorizer_plus_predict_proba": median_over_runs(results["dict"]),
    }
    print(f"scikit-learn {sklearn.__version__} (numpy {np.__version__}, Python {platform.python_version()}): "
          f"LogisticRegression on {out['train_rows']} rows x {out['features']} features, fit {fit_seconds:.2f} s, "
          f"test ROC AUC {auc:.4f}")
    for name in ("predict_proba_dense_row", "dictvectorizer_plus_predict_proba"):
        r = out[name]
        print(f"  {name}: p50 {r['p50_us']:.1f} us, p99 {r['p99_us']:.1f} us "
              f"(median of {r['runs']} runs x {r['calls_per_run']} calls)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
