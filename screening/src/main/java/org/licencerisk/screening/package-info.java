/**
 * Screening of licence applications against the register of earlier denials: the denial record, what is
 * screened of an application, and the matches with their field-by-field evidence.
 * <p>
 * A {@link org.licencerisk.screening.DenialScreener} is built off the request path from the register's
 * valid denials and answers in memory; it never performs I/O while screening.
 */
package org.licencerisk.screening;
