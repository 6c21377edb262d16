#!/usr/bin/env python3
"""Prints the summary of scripts/bench-model from the JSON files in bench/results (standard library only)."""
import json
import os
import sys

LR_SCORE_TARGET_US = 10.0
LR_TRAIN_100K_TARGET_S = 30.0


def load(results, name):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f)
        except json.JSONDecodeError:
            return None  # a run still writing it, or one that failed


def jmh_rows(data):
    for r in data or []:
        yield r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1], r.get("params", {}), r


def main(results):
    scoring = {}
    print("Scoring one application (JMH SampleTime, us):")
    for name, params, r in jmh_rows(load(results, "scoring.json")):
        p = r["primaryMetric"]["scorePercentiles"]
        scoring[(name, params["model"])] = p
        print(f"  {name:<26} {params['model']:<9} p50 {p['50.0']:8.2f}  p99 {p['99.0']:9.2f}  "
              f"mean {r['primaryMetric']['score']:8.2f}")
    lr = scoring.get(("ScoringBenchmark.score", "logistic"))
    if lr:
        verdict = "met" if lr["50.0"] < LR_SCORE_TARGET_US else "MISSED"
        print(f"  target: logistic full score under {LR_SCORE_TARGET_US:g} us (p50): {verdict}")

    load_data = load(results, "artifact-load.json")
    if load_data:
        print("Artifact load, warm JVM (load + scorer(), ms):")
        for name, params, r in jmh_rows(load_data):
            p = r["primaryMetric"]["scorePercentiles"]
            print(f"  {params['model']:<9} p50 {p['50.0']:8.2f}  p99 {p['99.0']:8.2f}")
    cold = load(results, "cold-load.json")
    if cold:
        print("Artifact load, fresh JVM (hyperfine, whole process, ms):")
        for r in cold["results"]:
            print(f"  {r['command']:<9} median {r['median'] * 1000:8.1f}  mean {r['mean'] * 1000:8.1f} "
                  f"+- {r['stddev'] * 1000:6.1f}  ({len(r['times'])} runs)")

    sk = load(results, "sklearn.json")
    if sk:
        dense = sk["predict_proba_dense_row"]
        dictv = sk["dictvectorizer_plus_predict_proba"]
        print(f"scikit-learn {sk['sklearn']} LogisticRegression (test ROC AUC {sk['test_roc_auc']:.3f}), one row, us:")
        print(f"  predict_proba (dense row)          p50 {dense['p50_us']:8.2f}  p99 {dense['p99_us']:8.2f}")
        print(f"  DictVectorizer + predict_proba     p50 {dictv['p50_us']:8.2f}  p99 {dictv['p99_us']:8.2f}")
        lo = scoring.get(("ScoringBenchmark.logOdds", "logistic"))
        if lr:
            print(f"  ratio Java full score p50 / sklearn predict_proba p50: {lr['50.0'] / dense['p50_us']:.3f}")
        if lo:
            print(f"  ratio Java model-only (logOdds) p50 / sklearn predict_proba p50: {lo['50.0'] / dense['p50_us']:.4f}")

    for label, name in (("Loading the JSON Lines log (s)", "loading.json"), ("Training (s)", "training.json")):
        data = load(results, name)
        if not data:
            continue
        print(f"{label}, median of single shots:")
        for bench, params, r in jmh_rows(data):
            p = r["primaryMetric"]["scorePercentiles"]
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            what = " ".join(f"{k}={v}" for k, v in sorted(params.items()))
            print(f"  {what:<30} median {p['50.0']:7.2f}  min {min(raw):7.2f}  max {max(raw):7.2f}  ({len(raw)} shots)")
            if name == "training.json" and params.get("trainer") == "logistic" and params.get("rows") == "100000":
                verdict = "met" if p["50.0"] < LR_TRAIN_100K_TARGET_S else "MISSED"
                print(f"  target: logistic training on 100k rows under {LR_TRAIN_100K_TARGET_S:g} s: {verdict}")
    for when in ("before", "after"):
        path = os.path.join(results, f"load-{when}.txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                print(f"load average {when}: {f.read().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "bench/results"))
