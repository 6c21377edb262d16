/**
 * Structured logs: one JSON object per line with the request id, written without any logging framework. Callers
 * pass only identifiers, codes and measurements, never application contents.
 */
package org.licencerisk.functions.logging;
