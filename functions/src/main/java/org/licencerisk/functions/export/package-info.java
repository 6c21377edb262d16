/**
 * The training export: decided applications from the applications table into the model module's JSON Lines format,
 * pseudonymised, streamed page by page, written to a temporary file and moved into place whole.
 */
package org.licencerisk.functions.export;
