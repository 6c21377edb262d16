/**
 * Monitoring a deployed model: the drift report compares recent applications with the training data (population
 * stability index of the scores and of every feature) and checks the risk bands against officers' decisions.
 * Written as {@code drift.json} and a self-contained {@code drift.html}. See {@code docs/monitoring-and-privacy.md}.
 */
package org.licencerisk.model.monitoring;
