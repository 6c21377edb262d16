/**
 * Shadow mode: models in status {@code SHADOW} score live requests alongside the champion; their scores are stored
 * apart (the shadow scores table) and never returned as the primary; a comparison per model pair (band agreement,
 * rank correlation, the applications whose band would change) is served to data scientists. See docs/api.md.
 */
package org.licencerisk.functions.shadow;
