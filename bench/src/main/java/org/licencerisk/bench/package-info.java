/**
 * JMH benchmarks of the risk model: scoring one application for each model type, training on
 * 20k and 100k synthetic rows, loading the historical data, and loading a model artifact warm and cold; plus the
 * small programs the benchmark script needs (the feature-matrix export for the scikit-learn peer, the cold-load
 * probe). Run them with {@code scripts/bench-model}; commands and figures are in {@code BENCHMARKS.md}.
 */
package org.licencerisk.bench;
