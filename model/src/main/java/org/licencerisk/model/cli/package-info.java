/**
 * The data scientist's command line, {@code risk-model.jar}: train, evaluate, compare, inspect, score and
 * generate synthetic data.
 */
package org.licencerisk.model.cli;
