/**
 * Benchmarks and measurements of denial screening: the JMH latency of one application against a synthetic register
 * ({@link org.licencerisk.bench.screening.DenialScreeningBenchmark}), the index's memory
 * ({@link org.licencerisk.bench.screening.ScreeningIndexMemory}) and name-matching precision and recall on labelled
 * synthetic pairs ({@link org.licencerisk.bench.screening.NameMatchQuality}).
 */
package org.licencerisk.bench.screening;
