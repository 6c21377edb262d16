/**
 * Matching an application against a version of the denial register: the in-memory candidate index
 * ({@link org.licencerisk.screening.matching.IndexedDenialScreener}), the comparison of goods (control list entries
 * and descriptions), the verdict rules and their thresholds.
 */
package org.licencerisk.screening.matching;
