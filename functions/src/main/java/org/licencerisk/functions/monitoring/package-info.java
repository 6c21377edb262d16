/**
 * Monitoring from the live system: the applications scored in a time window, read from the
 * applications table ({@link org.licencerisk.functions.monitoring.RecentApplications}), compared with the model's
 * training data in a drift report ({@link org.licencerisk.functions.monitoring.DriftService}, the model module's
 * {@code DriftAnalyzer} and {@code DriftReportWriter}). Only aggregates leave it: no names, descriptions or end-use
 * texts reach the report, the logs or the messages.
 */
package org.licencerisk.functions.monitoring;
