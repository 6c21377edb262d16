/**
 * A SYNTHETIC decision log for development, tests, demonstrations and training benchmarks: invented licence
 * applications whose decisions follow a documented latent policy ({@link org.licencerisk.model.synthetic.LatentPolicy}),
 * with realistic shares, label noise and drift over time. It is not any authority's real decisions.
 * <p>
 * Every share, coefficient, drift and the noise are documented in {@code docs/synthetic-data.md}; the example CSV
 * decision log and its schema are in {@code docs/examples/}. Entry point:
 * {@link org.licencerisk.model.synthetic.SyntheticDecisionLog}.
 */
package org.licencerisk.model.synthetic;
