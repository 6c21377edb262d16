/**
 * Screening of every scored application against the denial register: the screener a function holds (following the
 * register without a redeploy), what a score keeps of it, the red flags it raises, and the re-screening of open cases
 * when the register changes (see docs/denial-screening.md).
 */
package org.licencerisk.functions.screening;
